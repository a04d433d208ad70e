"""Word lists for the demo company: Polish and some international names, departments, titles.

Kept apart from ``seed.py`` so the seeding logic reads without scrolling through vocabulary.
"""

from __future__ import annotations

COMPANY_NAME = "Bursztyn Logistyka sp. z o.o."
COMPANY_SHORT_NAME = "Bursztyn Logistyka"
DEFAULT_DOMAIN = "bursztynlogistyka.pl"
INITIAL_DOMAIN = "bursztynlogistyka.onmicrosoft.com"
EXTRA_DOMAIN = "bursztyn-cargo.pl"

FEMALE_NAMES = (
    "Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta",
    "Zofia", "Joanna", "Magdalena", "Monika", "Aleksandra", "Natalia", "Karolina", "Justyna",
    "Dorota", "Beata", "Jolanta", "Iwona", "Marta", "Paulina", "Weronika", "Julia", "Zuzanna",
    "Wiktoria", "Agata", "Urszula", "Halina", "Grażyna", "Bożena", "Łucja", "Jadwiga", "Renata",
    "Sylwia", "Emilia", "Oliwia", "Gabriela", "Izabela", "Hanna",
)  # fmt: skip

MALE_NAMES = (
    "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Jakub",
    "Adam", "Łukasz", "Marek", "Grzegorz", "Mateusz", "Wojciech", "Mariusz", "Dariusz",
    "Zbigniew", "Jerzy", "Maciej", "Rafał", "Kamil", "Szymon", "Bartosz", "Sebastian",
    "Stanisław", "Józef", "Wiesław", "Ryszard", "Przemysław", "Sławomir", "Jarosław", "Błażej",
    "Mikołaj", "Krystian", "Damian", "Patryk", "Artur", "Robert", "Leszek",
)  # fmt: skip

# Masculine forms; feminine forms replace -ski/-cki/-dzki endings with -ska/-cka/-dzka.
SURNAMES = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
    "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski", "Zając",
    "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Nowakowski",
    "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki",
    "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak",
    "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Zalewski", "Wróblewski", "Jasiński",
    "Marciniak", "Bąk", "Zawadzki", "Sadowski", "Duda", "Włodarczyk", "Chmielewski", "Borkowski",
    "Sokołowski", "Czarnecki", "Szczepański", "Kubiak", "Kalinowski", "Mróz", "Łukasik", "Żak",
    "Ślusarczyk", "Gołębiowski", "Przybylski", "Kołodziej", "Ziółkowski", "Błaszczyk", "Górecki",
)  # fmt: skip

# (given name, surname, usage location): colleagues from abroad and Ukrainian staff in Poland.
INTERNATIONAL = (
    ("Hans", "Müller", "DE"), ("Sabine", "Schmidt", "DE"), ("Jürgen", "Weiß", "DE"),
    ("Anke", "Schröder", "DE"), ("Emily", "Clarke", "GB"), ("Oliver", "Hughes", "GB"),
    ("Charlotte", "Evans", "GB"), ("Michael", "Johnson", "US"), ("Sarah", "O'Connor", "US"),
    ("David", "Miller", "US"), ("Olena", "Kovalenko", "PL"), ("Dmytro", "Shevchenko", "PL"),
    ("Iryna", "Bondarenko", "PL"), ("José", "García", "PL"),
)  # fmt: skip

PREFERRED_LANGUAGE = {"PL": "pl-PL", "DE": "de-DE", "US": "en-US", "GB": "en-GB"}

DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Sprzedaż": ("Przedstawiciel handlowy", "Specjalista ds. sprzedaży", "Kierownik sprzedaży"),
    "Logistyka": ("Spedytor", "Planista transportu", "Kierownik logistyki"),
    "Magazyn": ("Magazynier", "Operator wózka widłowego", "Kierownik magazynu"),
    "Księgowość": ("Specjalista ds. księgowości", "Główny księgowy", "Analityk finansowy"),
    "Kadry": ("Specjalista ds. kadr i płac", "HR Business Partner"),
    "Marketing": ("Specjalista ds. marketingu", "Grafik", "Kierownik marketingu"),
    "IT": ("Administrator IT", "Programista", "Specjalista ds. wsparcia IT"),
    "Obsługa klienta": ("Konsultant", "Koordynator obsługi klienta"),
    "Zakupy": ("Specjalista ds. zakupów", "Kupiec"),
    "Zarząd": ("Prezes zarządu", "Członek zarządu", "Asystentka zarządu"),
}

OFFICES = ("Gdańsk", "Gdynia", "Warszawa", "Poznań", "Wrocław", "Łódź", "Kraków")

# For userPrincipalName: Polish and German letters to plain ASCII, as admins usually type them.
TRANSLITERATION = str.maketrans(
    {
        "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z",
        "ż": "z", "ü": "u", "ö": "o", "ä": "a", "ß": "ss", "é": "e", "í": "i", "'": "",
    }
)  # fmt: skip


def feminine(surname: str) -> str:
    for masculine, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + female
    return surname


def upn_local_part(given: str, surname: str) -> str:
    text = f"{given}.{surname}".lower().translate(TRANSLITERATION)
    return "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in ".-"))
