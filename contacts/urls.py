from django.urls import path

from contacts import views

app_name = "contacts"

urlpatterns = [
    path("offene-daten.json", views.export_json, name="export_json"),
    path("offene-daten.csv", views.export_csv, name="export_csv"),
    path("bundesland/<slug:land>.vcf", views.land_vcards, name="land_vcards"),
    path("<slug:key>.vcf", views.vcard, name="vcard"),
]
