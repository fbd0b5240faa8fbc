"""The 16 Länder: official key (Regionalschlüssel), ISO 3166-2 code, name, URL slug."""

BUNDESLAENDER = [
    ("01", "DE-SH", "Schleswig-Holstein", "schleswig-holstein"),
    ("02", "DE-HH", "Hamburg", "hamburg"),
    ("03", "DE-NI", "Niedersachsen", "niedersachsen"),
    ("04", "DE-HB", "Bremen", "bremen"),
    ("05", "DE-NW", "Nordrhein-Westfalen", "nordrhein-westfalen"),
    ("06", "DE-HE", "Hessen", "hessen"),
    ("07", "DE-RP", "Rheinland-Pfalz", "rheinland-pfalz"),
    ("08", "DE-BW", "Baden-Württemberg", "baden-wuerttemberg"),
    ("09", "DE-BY", "Bayern", "bayern"),
    ("10", "DE-SL", "Saarland", "saarland"),
    ("11", "DE-BE", "Berlin", "berlin"),
    ("12", "DE-BB", "Brandenburg", "brandenburg"),
    ("13", "DE-MV", "Mecklenburg-Vorpommern", "mecklenburg-vorpommern"),
    ("14", "DE-SN", "Sachsen", "sachsen"),
    ("15", "DE-ST", "Sachsen-Anhalt", "sachsen-anhalt"),
    ("16", "DE-TH", "Thüringen", "thueringen"),
]
