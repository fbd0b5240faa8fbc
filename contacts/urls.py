from django.urls import path

from contacts import views

app_name = "contacts"

urlpatterns = [
    path("offene-daten.json", views.export_json, name="export_json"),
    path("offene-daten.csv", views.export_csv, name="export_csv"),
    path("offene-daten-telefonnummern.csv", views.export_phones_csv, name="export_phones_csv"),
    path("datapackage.json", views.export_datapackage, name="export_datapackage"),
    path("bundesland/<slug:land>.vcf", views.land_vcards, name="land_vcards"),
    path("<slug:key>.vcf", views.vcard, name="vcard"),
]
