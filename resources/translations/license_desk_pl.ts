<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About License Desk</source>
        <translation>O programie License Desk</translation>
    </message>
    <message>
        <source>License Desk {version}</source>
        <translation>License Desk {version}</translation>
    </message>
    <message>
        <source>Manage Microsoft 365 licenses from a native window and from scripts.</source>
        <translation>Zarządzanie licencjami Microsoft 365 w natywnym oknie i ze skryptów.</translation>
    </message>
    <message>
        <source>License Desk is free software under the MIT License. It uses Qt {qt} and PySide6 {pyside} under the GNU LGPL version 3, and the other software listed below under their own licences.</source>
        <translation>License Desk jest wolnym oprogramowaniem na licencji MIT. Korzysta z Qt {qt} i PySide6 {pyside} na licencji GNU LGPL w wersji 3 oraz z pozostałego oprogramowania wymienionego poniżej, na jego własnych licencjach.</translation>
    </message>
    <message>
        <source>Third-party software &amp;notices:</source>
        <translation>&amp;Informacje o oprogramowaniu innych firm:</translation>
    </message>
    <message>
        <source>The third-party notices are missing: {path}</source>
        <translation>Brak informacji o oprogramowaniu innych firm: {path}</translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj się</translation>
    </message>
    <message>
        <source>Signs in to your organisation&apos;s Microsoft 365 in the browser</source>
        <translation>Loguje do Microsoft 365 Twojej organizacji w przeglądarce</translation>
    </message>
    <message>
        <source>Open the demo tenant</source>
        <translation>Otwórz dzierżawę demonstracyjną</translation>
    </message>
    <message>
        <source>Opens a made-up organisation on this computer, to try things out</source>
        <translation>Otwiera wymyśloną organizację na tym komputerze, aby wypróbować program</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Zaloguj się kodem</translation>
    </message>
    <message>
        <source>Signs in on another device with a code shown here</source>
        <translation>Loguje na innym urządzeniu za pomocą kodu pokazanego tutaj</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Wróć</translation>
    </message>
    <message>
        <source>Returns to the organisation that was open</source>
        <translation>Wraca do organizacji, która była otwarta</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anuluj logowanie</translation>
    </message>
    <message>
        <source>Stops waiting for the sign-in</source>
        <translation>Przestaje czekać na logowanie</translation>
    </message>
    <message>
        <source>Sign-in options</source>
        <translation>Opcje logowania</translation>
    </message>
    <message>
        <source>Which organisation and app registration to sign in with</source>
        <translation>Organizacja i rejestracja aplikacji używane do logowania</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Kopiuj kod</translation>
    </message>
    <message>
        <source>Copies the sign-in code</source>
        <translation>Kopiuje kod logowania</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Szukaj użytkowników</translation>
    </message>
    <message>
        <source>Shows only the users whose name, user name or department match</source>
        <translation>Pokazuje tylko użytkowników, których nazwa, nazwa użytkownika lub dział pasują</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <source>Shows all users or only those in one state</source>
        <translation>Pokazuje wszystkich użytkowników albo tylko tych w jednym stanie</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Użytkownicy</translation>
    </message>
    <message>
        <source>The users of the tenant. Space ticks a user; the Menu key opens their actions</source>
        <translation>Użytkownicy dzierżawy. Spacja zaznacza użytkownika; klawisz Menu otwiera jego akcje</translation>
    </message>
    <message>
        <source>License packages</source>
        <translation>Pakiety licencji</translation>
    </message>
    <message>
        <source>Tick a package to choose it; expand it to switch individual apps off</source>
        <translation>Zaznacz pakiet, aby go wybrać; rozwiń go, aby wyłączyć poszczególne aplikacje</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Zmiany</translation>
    </message>
    <message>
        <source>Each user and what will change for them, with any problem</source>
        <translation>Każdy użytkownik i to, co się dla niego zmieni, wraz z ewentualnymi problemami</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Wyniki</translation>
    </message>
    <message>
        <source>Each user and what happened to their change</source>
        <translation>Każdy użytkownik i to, co stało się z jego zmianą</translation>
    </message>
    <message>
        <source>Earlier runs</source>
        <translation>Wcześniejsze przebiegi</translation>
    </message>
    <message>
        <source>Each earlier run: when, what it changed, and how it ended</source>
        <translation>Każdy wcześniejszy przebieg: kiedy, co zmienił i jak się zakończył</translation>
    </message>
    <message>
        <source>Packages to remove</source>
        <translation>Pakiety do usunięcia</translation>
    </message>
    <message>
        <source>Tick the packages to remove from the ticked users</source>
        <translation>Zaznacz pakiety do usunięcia zaznaczonym użytkownikom</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Aplikacje</translation>
    </message>
    <message>
        <source>Ticked apps are on; untick an app to switch it off</source>
        <translation>Zaznaczone aplikacje są włączone; odznacz aplikację, aby ją wyłączyć</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Pakiet</translation>
    </message>
    <message>
        <source>Show findings</source>
        <translation>Pokaż ustalenia</translation>
    </message>
    <message>
        <source>Shows all findings or one kind of them</source>
        <translation>Pokazuje wszystkie ustalenia albo tylko jeden ich rodzaj</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Ustalenia</translation>
    </message>
    <message>
        <source>Licenses held but not used, with what they cost; select to reclaim</source>
        <translation>Licencje przypisane, ale nieużywane, wraz z ich kosztem; zaznacz, aby je odzyskać</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Odnowienia</translation>
    </message>
    <message>
        <source>Each package and when it renews or ends</source>
        <translation>Każdy pakiet i termin jego odnowienia lub wygaśnięcia</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Ceny</translation>
    </message>
    <message>
        <source>The monthly price of each package; edit a cell to change it</source>
        <translation>Miesięczna cena każdego pakietu; edytuj komórkę, aby ją zmienić</translation>
    </message>
    <message>
        <source>The package whose seats the chart shows</source>
        <translation>Pakiet, którego licencje pokazuje wykres</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Zaznacz wszystko</translation>
    </message>
    <message>
        <source>Selects every row of the table</source>
        <translation>Zaznacza wszystkie wiersze tabeli</translation>
    </message>
    <message>
        <source>Search groups</source>
        <translation>Szukaj grup</translation>
    </message>
    <message>
        <source>Shows only the groups whose name or packages match</source>
        <translation>Pokazuje tylko grupy, których nazwa lub licencje pasują</translation>
    </message>
    <message>
        <source>Licensed groups</source>
        <translation>Grupy licencyjne</translation>
    </message>
    <message>
        <source>The groups that hand out licenses; choose one to see its members in error. The Menu key opens the group&apos;s actions</source>
        <translation>Grupy, które przydzielają licencje; wybierz jedną, aby zobaczyć jej członków z błędami. Klawisz menu otwiera akcje grupy</translation>
    </message>
    <message>
        <source>Members in error</source>
        <translation>Członkowie z błędami</translation>
    </message>
    <message>
        <source>Members of the chosen group who did not get a package, why, and what to do. The Menu key offers Fix</source>
        <translation>Członkowie wybranej grupy, którzy nie dostali licencji: dlaczego i co zrobić. Klawisz menu proponuje naprawę</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Członkowie</translation>
    </message>
    <message>
        <source>The group&apos;s members; Space ticks one to remove from the group</source>
        <translation>Członkowie grupy; spacja zaznacza członka do usunięcia z grupy</translation>
    </message>
    <message>
        <source>The package whose apps the list shows</source>
        <translation>Pakiet, którego aplikacje pokazuje lista</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Zastąp</translation>
    </message>
    <message>
        <source>The package the users give up</source>
        <translation>Pakiet, z którego użytkownicy rezygnują</translation>
    </message>
    <message>
        <source>Usage location</source>
        <translation>Lokalizacja użycia</translation>
    </message>
    <message>
        <source>The country where the users use their licenses</source>
        <translation>Kraj, w którym użytkownicy korzystają z licencji</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nazwa użytkownika</translation>
    </message>
    <message>
        <source>The part of the sign-in name before the @</source>
        <translation>Część nazwy logowania przed znakiem @</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domena</translation>
    </message>
    <message>
        <source>The part of the sign-in name after the @</source>
        <translation>Część nazwy logowania po znaku @</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>The user&apos;s department (optional)</source>
        <translation>Dział użytkownika (opcjonalnie)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nazwa wyświetlana</translation>
    </message>
    <message>
        <source>The person&apos;s first and last name</source>
        <translation>Imię i nazwisko osoby</translation>
    </message>
    <message>
        <source>Ask for a new password</source>
        <translation>Wymagaj nowego hasła</translation>
    </message>
    <message>
        <source>The user must choose their own password at first sign-in</source>
        <translation>Użytkownik musi ustawić własne hasło przy pierwszym logowaniu</translation>
    </message>
    <message>
        <source>Find the user to copy from</source>
        <translation>Znajdź użytkownika, od którego skopiować</translation>
    </message>
    <message>
        <source>Type a name or user name; matching users are listed below</source>
        <translation>Wpisz nazwę lub nazwę użytkownika; pasujący użytkownicy pojawią się poniżej</translation>
    </message>
    <message>
        <source>Matching users</source>
        <translation>Pasujący użytkownicy</translation>
    </message>
    <message>
        <source>Choose the user whose licenses to copy</source>
        <translation>Wybierz użytkownika, którego licencje skopiować</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>The window&apos;s language; it applies after a restart</source>
        <translation>Język okna; zmiana działa po ponownym uruchomieniu</translation>
    </message>
    <message>
        <source>Third-party software notices</source>
        <translation>Informacje o oprogramowaniu innych firm</translation>
    </message>
    <message>
        <source>The licences of the software License Desk uses</source>
        <translation>Licencje oprogramowania, z którego korzysta License Desk</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>The codes and text your IT support needs</source>
        <translation>Kody i tekst potrzebne działowi IT</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Kopiuj szczegóły</translation>
    </message>
    <message>
        <source>Copies the message and its details for your IT support</source>
        <translation>Kopiuje komunikat i jego szczegóły dla działu IT</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Kopiuj raport</translation>
    </message>
    <message>
        <source>Copies every user&apos;s result as text</source>
        <translation>Kopiuje wynik każdego użytkownika jako tekst</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Zastosuj</translation>
    </message>
    <message>
        <source>Makes the changes listed, in Microsoft 365</source>
        <translation>Wprowadza wymienione zmiany w Microsoft 365</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Ponów nieudane</translation>
    </message>
    <message>
        <source>Tries again the changes that failed</source>
        <translation>Ponawia zmiany, które się nie powiodły</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Cofnij</translation>
    </message>
    <message>
        <source>Previews putting back what the chosen run changed</source>
        <translation>Pokazuje podgląd przywrócenia tego, co zmienił wybrany przebieg</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <source>Checks and finishes the chosen run&apos;s unfinished changes</source>
        <translation>Sprawdza i kończy niedokończone zmiany wybranego przebiegu</translation>
    </message>
    <message>
        <source>License template</source>
        <translation>Szablon licencji</translation>
    </message>
    <message>
        <source>Fills in the packages, apps and usage location of a saved license template</source>
        <translation>Wypełnia pakiety, aplikacje i lokalizację użycia z zapisanego szablonu licencji</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nazwa szablonu</translation>
    </message>
    <message>
        <source>The name the template is saved under</source>
        <translation>Nazwa, pod którą szablon zostanie zapisany</translation>
    </message>
    <message>
        <source>For department</source>
        <translation>Dla działu</translation>
    </message>
    <message>
        <source>The department whose users the drift check compares with this template (optional)</source>
        <translation>Dział, którego użytkowników sprawdzanie odstępstw porównuje z tym szablonem (opcjonalnie)</translation>
    </message>
    <message>
        <source>Replace the template of that name</source>
        <translation>Zastąp szablon o tej nazwie</translation>
    </message>
    <message>
        <source>Saves over the existing template with the same name</source>
        <translation>Zapisuje w miejsce istniejącego szablonu o tej samej nazwie</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Saves the template for use in New user, Add licenses and other tenants</source>
        <translation>Zapisuje szablon do użycia w oknach Nowy użytkownik, Dodaj licencje i w innych dzierżawach</translation>
    </message>
    <message>
        <source>Saved templates</source>
        <translation>Zapisane szablony</translation>
    </message>
    <message>
        <source>The saved license templates; the one chosen is described below</source>
        <translation>Zapisane szablony licencji; wybrany jest opisany poniżej</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Zmień nazwę</translation>
    </message>
    <message>
        <source>Gives the chosen template another name</source>
        <translation>Nadaje wybranemu szablonowi inną nazwę</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Forgets the chosen template; users keep their licenses</source>
        <translation>Usuwa wybrany szablon; użytkownicy zachowują licencje</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportuj</translation>
    </message>
    <message>
        <source>Writes the chosen template to a JSON file to share</source>
        <translation>Zapisuje wybrany szablon do pliku JSON do udostępnienia</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
    <message>
        <source>Adds a template from a JSON file</source>
        <translation>Dodaje szablon z pliku JSON</translation>
    </message>
    <message>
        <source>Which department&apos;s users are compared with its template</source>
        <translation>Użytkownicy którego działu są porównywani z jego szablonem</translation>
    </message>
    <message>
        <source>Users who differ</source>
        <translation>Użytkownicy z odstępstwami</translation>
    </message>
    <message>
        <source>Each user whose licenses differ from their department&apos;s template, and how</source>
        <translation>Każdy użytkownik, którego licencje różnią się od szablonu jego działu, i na czym polega różnica</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Wyrównaj</translation>
    </message>
    <message>
        <source>Shows the change that makes these users match their templates, before anything is sent</source>
        <translation>Pokazuje zmianę, która dopasuje tych użytkowników do szablonów, zanim cokolwiek zostanie wysłane</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Stops after the users already sent; each user is changed or untouched</source>
        <translation>Zatrzymuje po użytkownikach już wysłanych; każdy użytkownik jest zmieniony albo nietknięty</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Hasło tymczasowe</translation>
    </message>
    <message>
        <source>Shown only now; the user changes it at first sign-in</source>
        <translation>Widoczne tylko teraz; użytkownik zmieni je przy pierwszym logowaniu</translation>
    </message>
    <message>
        <source>Copy password</source>
        <translation>Kopiuj hasło</translation>
    </message>
    <message>
        <source>Copies the temporary password</source>
        <translation>Kopiuje hasło tymczasowe</translation>
    </message>
    <message>
        <source>Use defaults</source>
        <translation>Użyj domyślnych</translation>
    </message>
    <message>
        <source>Empties both fields: the default app, the organisation chosen at sign-in</source>
        <translation>Czyści oba pola: domyślna aplikacja, organizacja wybierana przy logowaniu</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Pokaż szczegóły</translation>
    </message>
    <message>
        <source>Shows or hides Microsoft&apos;s own words for support</source>
        <translation>Pokazuje lub ukrywa oryginalny komunikat Microsoft dla pomocy technicznej</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>Pierwsze wiersze</translation>
    </message>
    <message>
        <source>The first people of the file as they will be imported</source>
        <translation>Pierwsze osoby z pliku tak, jak zostaną zaimportowane</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Wiersze, których nie można zaimportować</translation>
    </message>
    <message>
        <source>Each bad row by its line number, with what to fix</source>
        <translation>Każdy błędny wiersz z numerem i tym, co poprawić</translation>
    </message>
    <message>
        <source>Temporary passwords</source>
        <translation>Hasła tymczasowe</translation>
    </message>
    <message>
        <source>Each created account and its password, shown only now</source>
        <translation>Każde utworzone konto i jego hasło, widoczne tylko teraz</translation>
    </message>
    <message>
        <source>Closes this window without changes</source>
        <translation>Zamyka to okno bez zmian</translation>
    </message>
    <message>
        <source>Closes this window</source>
        <translation>Zamyka to okno</translation>
    </message>
    <message>
        <source>Goes on with what this window shows; nothing changes before a preview</source>
        <translation>Przechodzi dalej z tym, co pokazuje to okno; nic się nie zmieni przed podglądem</translation>
    </message>
    <message>
        <source>Shows or hides more information</source>
        <translation>Pokazuje lub ukrywa więcej informacji</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <source>Empties the field</source>
        <translation>Czyści pole</translation>
    </message>
</context>
<context>
    <name>AccountFlow</name>
    <message>
        <source>Opening {user}…</source>
        <translation>Otwieranie: {user}…</translation>
    </message>
    <message>
        <source>Sign in to another tenant. You stay signed in to the others and can switch between them in the account menu.</source>
        <translation>Zaloguj się do innej dzierżawy. Pozostałe logowania zostaną zachowane i możesz przełączać się między nimi w menu konta.</translation>
    </message>
    <message>
        <source>Back to {user}</source>
        <translation>Wróć do: {user}</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Wylogowywanie…</translation>
    </message>
    <message>
        <source>Sign out of all accounts</source>
        <translation>Wyloguj się ze wszystkich kont</translation>
    </message>
    <message>
        <source>Sign out of every Microsoft 365 account in License Desk?</source>
        <translation>Wylogować się ze wszystkich kont Microsoft 365 w License Desk?</translation>
    </message>
    <message>
        <source>Sign out of all</source>
        <translation>Wyloguj wszystkie</translation>
    </message>
    <message>
        <source>License Desk removes every sign-in it keeps in this computer&apos;s keyring. You will need to sign in again to open a tenant.</source>
        <translation>License Desk usunie wszystkie logowania przechowywane w magazynie poświadczeń tego komputera. Aby otworzyć dzierżawę, trzeba będzie zalogować się ponownie.</translation>
    </message>
    <message>
        <source>Signing out of all accounts…</source>
        <translation>Wylogowywanie ze wszystkich kont…</translation>
    </message>
    <message>
        <source>You signed out of {user}.</source>
        <translation>Wylogowano konto {user}.</translation>
    </message>
    <message>
        <source>You are signed out of every account. License Desk removed your sign-ins from this computer.</source>
        <translation>Wylogowano ze wszystkich kont. License Desk usunął dane logowania z tego komputera.</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <source>Sign in to another tenant…</source>
        <translation>Zaloguj się do innej dzierżawy…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Wyloguj się</translation>
    </message>
    <message>
        <source>Sign out of all accounts…</source>
        <translation>Wyloguj się ze wszystkich kont…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nie zalogowano</translation>
    </message>
    <message>
        <source>Tenant ID: {tenant}</source>
        <translation>Identyfikator dzierżawy: {tenant}</translation>
    </message>
    <message>
        <source>Signed in as {user} to {tenant}</source>
        <translation>Zalogowano jako {user} w dzierżawie {tenant}</translation>
    </message>
    <message>
        <source>Sign-in not saved: you will sign in again after License Desk closes</source>
        <translation>Logowanie nie zostało zapisane: po zamknięciu License Desk trzeba będzie zalogować się ponownie</translation>
    </message>
    <message>
        <source>The keyring cannot store it: {reason}</source>
        <translation>Magazyn poświadczeń nie może go przechować: {reason}</translation>
    </message>
</context>
<context>
    <name>AppsDialog</name>
    <message>
        <source>Apps in license</source>
        <translation>Aplikacje w licencji</translation>
    </message>
    <message>
        <source>{package} (held by {n})</source>
        <translation>{package} (przypisano: {n})</translation>
    </message>
    <message>
        <source>Ticked apps are on. The change applies to every ticked user holding the package.</source>
        <translation>Zaznaczone aplikacje są włączone. Zmiana dotyczy wszystkich zaznaczonych użytkowników, którzy mają tę licencję.</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Licencja:</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>ChangeRunner</name>
    <message>
        <source>Checking the change…</source>
        <translation>Sprawdzanie zmiany…</translation>
    </message>
    <message>
        <source>Checking permissions…</source>
        <translation>Sprawdzanie uprawnień…</translation>
    </message>
    <message>
        <source>Until now License Desk could only read. An administrator may have to approve the permission. Nothing is changed before it is granted.</source>
        <translation>Do tej pory License Desk mógł tylko odczytywać dane. Administrator może musieć zatwierdzić to uprawnienie. Do czasu jego udzielenia nic nie zostanie zmienione.</translation>
    </message>
    <message>
        <source>License Desk needs permission to change licenses and users in {tenant}. Sign in again in your browser to grant it?</source>
        <translation>License Desk potrzebuje uprawnień do zmiany licencji i użytkowników w dzierżawie {tenant}. Zalogować się ponownie w przeglądarce, aby ich udzielić?</translation>
    </message>
    <message>
        <source>License Desk needs permission to change users in {tenant}. Sign in again in your browser to grant it?</source>
        <translation>License Desk potrzebuje uprawnień do zmiany użytkowników w dzierżawie {tenant}. Zalogować się ponownie w przeglądarce, aby ich udzielić?</translation>
    </message>
    <message>
        <source>License Desk needs permission to change licenses in {tenant}. Sign in again in your browser to grant it?</source>
        <translation>License Desk potrzebuje uprawnień do zmiany licencji w dzierżawie {tenant}. Zalogować się ponownie w przeglądarce, aby ich udzielić?</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nic nie zostało zmienione.</translation>
    </message>
</context>
<context>
    <name>CopyFromDialog</name>
    <message>
        <source>Copy licenses from</source>
        <translation>Kopiuj licencje od</translation>
    </message>
    <message numerus="yes">
        <source>Give %Ln ticked users the licenses (and app settings) another user has directly. Find that user:</source>
        <translation>
            <numerusform>Nadaj %Ln zaznaczonemu użytkownikowi te same licencje (wraz z ustawieniami aplikacji), które bezpośrednio ma inny użytkownik. Znajdź tego użytkownika:</numerusform>
            <numerusform>Nadaj %Ln zaznaczonym użytkownikom te same licencje (wraz z ustawieniami aplikacji), które bezpośrednio ma inny użytkownik. Znajdź tego użytkownika:</numerusform>
            <numerusform>Nadaj %Ln zaznaczonym użytkownikom te same licencje (wraz z ustawieniami aplikacji), które bezpośrednio ma inny użytkownik. Znajdź tego użytkownika:</numerusform>
        </translation>
    </message>
    <message>
        <source>Name or user name</source>
        <translation>Nazwa lub nazwa użytkownika</translation>
    </message>
    <message>
        <source>No user with licenses matches.</source>
        <translation>Brak pasujących użytkowników z licencjami.</translation>
    </message>
    <message>
        <source>Will copy: {licenses}</source>
        <translation>Zostaną skopiowane: {licenses}</translation>
    </message>
    <message>
        <source>This user has only group licenses, which cannot be copied.</source>
        <translation>Ten użytkownik ma tylko licencje z grup, których nie można skopiować.</translation>
    </message>
</context>
<context>
    <name>Country</name>
    <message>
        <source>Andorra</source>
        <translation>Andora</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>Zjednoczone Emiraty Arabskie</translation>
    </message>
    <message>
        <source>Afghanistan</source>
        <translation>Afganistan</translation>
    </message>
    <message>
        <source>Antigua &amp; Barbuda</source>
        <translation>Antigua i Barbuda</translation>
    </message>
    <message>
        <source>Anguilla</source>
        <translation>Anguilla</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>Albania</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>Armenia</translation>
    </message>
    <message>
        <source>Angola</source>
        <translation>Angola</translation>
    </message>
    <message>
        <source>Antarctica</source>
        <translation>Antarktyda</translation>
    </message>
    <message>
        <source>Argentina</source>
        <translation>Argentyna</translation>
    </message>
    <message>
        <source>American Samoa</source>
        <translation>Samoa Amerykańskie</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Austria</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>Aruba</source>
        <translation>Aruba</translation>
    </message>
    <message>
        <source>Åland Islands</source>
        <translation>Wyspy Alandzkie</translation>
    </message>
    <message>
        <source>Azerbaijan</source>
        <translation>Azerbejdżan</translation>
    </message>
    <message>
        <source>Bosnia &amp; Herzegovina</source>
        <translation>Bośnia i Hercegowina</translation>
    </message>
    <message>
        <source>Barbados</source>
        <translation>Barbados</translation>
    </message>
    <message>
        <source>Bangladesh</source>
        <translation>Bangladesz</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgia</translation>
    </message>
    <message>
        <source>Burkina Faso</source>
        <translation>Burkina Faso</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation>Bułgaria</translation>
    </message>
    <message>
        <source>Bahrain</source>
        <translation>Bahrajn</translation>
    </message>
    <message>
        <source>Burundi</source>
        <translation>Burundi</translation>
    </message>
    <message>
        <source>Benin</source>
        <translation>Benin</translation>
    </message>
    <message>
        <source>St. Barthélemy</source>
        <translation>Saint-Barthélemy</translation>
    </message>
    <message>
        <source>Bermuda</source>
        <translation>Bermudy</translation>
    </message>
    <message>
        <source>Brunei</source>
        <translation>Brunei</translation>
    </message>
    <message>
        <source>Bolivia</source>
        <translation>Boliwia</translation>
    </message>
    <message>
        <source>Caribbean Netherlands</source>
        <translation>Niderlandy Karaibskie</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>Brazylia</translation>
    </message>
    <message>
        <source>Bahamas</source>
        <translation>Bahamy</translation>
    </message>
    <message>
        <source>Bhutan</source>
        <translation>Bhutan</translation>
    </message>
    <message>
        <source>Bouvet Island</source>
        <translation>Wyspa Bouveta</translation>
    </message>
    <message>
        <source>Botswana</source>
        <translation>Botswana</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Białoruś</translation>
    </message>
    <message>
        <source>Belize</source>
        <translation>Belize</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <source>Cocos (Keeling) Islands</source>
        <translation>Wyspy Kokosowe</translation>
    </message>
    <message>
        <source>Congo - Kinshasa</source>
        <translation>Demokratyczna Republika Konga</translation>
    </message>
    <message>
        <source>Central African Republic</source>
        <translation>Republika Środkowoafrykańska</translation>
    </message>
    <message>
        <source>Congo - Brazzaville</source>
        <translation>Kongo</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Szwajcaria</translation>
    </message>
    <message>
        <source>Côte d’Ivoire</source>
        <translation>Côte d’Ivoire</translation>
    </message>
    <message>
        <source>Cook Islands</source>
        <translation>Wyspy Cooka</translation>
    </message>
    <message>
        <source>Chile</source>
        <translation>Chile</translation>
    </message>
    <message>
        <source>Cameroon</source>
        <translation>Kamerun</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Chiny</translation>
    </message>
    <message>
        <source>Colombia</source>
        <translation>Kolumbia</translation>
    </message>
    <message>
        <source>Costa Rica</source>
        <translation>Kostaryka</translation>
    </message>
    <message>
        <source>Cuba</source>
        <translation>Kuba</translation>
    </message>
    <message>
        <source>Cape Verde</source>
        <translation>Republika Zielonego Przylądka</translation>
    </message>
    <message>
        <source>Curaçao</source>
        <translation>Curaçao</translation>
    </message>
    <message>
        <source>Christmas Island</source>
        <translation>Wyspa Bożego Narodzenia</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation>Cypr</translation>
    </message>
    <message>
        <source>Czechia</source>
        <translation>Czechy</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Niemcy</translation>
    </message>
    <message>
        <source>Djibouti</source>
        <translation>Dżibuti</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>Dania</translation>
    </message>
    <message>
        <source>Dominica</source>
        <translation>Dominika</translation>
    </message>
    <message>
        <source>Dominican Republic</source>
        <translation>Dominikana</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>Algieria</translation>
    </message>
    <message>
        <source>Ecuador</source>
        <translation>Ekwador</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>Estonia</translation>
    </message>
    <message>
        <source>Egypt</source>
        <translation>Egipt</translation>
    </message>
    <message>
        <source>Western Sahara</source>
        <translation>Sahara Zachodnia</translation>
    </message>
    <message>
        <source>Eritrea</source>
        <translation>Erytrea</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>Hiszpania</translation>
    </message>
    <message>
        <source>Ethiopia</source>
        <translation>Etiopia</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>Finlandia</translation>
    </message>
    <message>
        <source>Fiji</source>
        <translation>Fidżi</translation>
    </message>
    <message>
        <source>Falkland Islands</source>
        <translation>Falklandy</translation>
    </message>
    <message>
        <source>Micronesia</source>
        <translation>Mikronezja</translation>
    </message>
    <message>
        <source>Faroe Islands</source>
        <translation>Wyspy Owcze</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francja</translation>
    </message>
    <message>
        <source>Gabon</source>
        <translation>Gabon</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Wielka Brytania</translation>
    </message>
    <message>
        <source>Grenada</source>
        <translation>Grenada</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Gruzja</translation>
    </message>
    <message>
        <source>French Guiana</source>
        <translation>Gujana Francuska</translation>
    </message>
    <message>
        <source>Guernsey</source>
        <translation>Guernsey</translation>
    </message>
    <message>
        <source>Ghana</source>
        <translation>Ghana</translation>
    </message>
    <message>
        <source>Gibraltar</source>
        <translation>Gibraltar</translation>
    </message>
    <message>
        <source>Greenland</source>
        <translation>Grenlandia</translation>
    </message>
    <message>
        <source>Gambia</source>
        <translation>Gambia</translation>
    </message>
    <message>
        <source>Guinea</source>
        <translation>Gwinea</translation>
    </message>
    <message>
        <source>Guadeloupe</source>
        <translation>Gwadelupa</translation>
    </message>
    <message>
        <source>Equatorial Guinea</source>
        <translation>Gwinea Równikowa</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation>Grecja</translation>
    </message>
    <message>
        <source>South Georgia &amp; South Sandwich Islands</source>
        <translation>Georgia Południowa i Sandwich Południowy</translation>
    </message>
    <message>
        <source>Guatemala</source>
        <translation>Gwatemala</translation>
    </message>
    <message>
        <source>Guam</source>
        <translation>Guam</translation>
    </message>
    <message>
        <source>Guinea-Bissau</source>
        <translation>Gwinea Bissau</translation>
    </message>
    <message>
        <source>Guyana</source>
        <translation>Gujana</translation>
    </message>
    <message>
        <source>Hong Kong SAR China</source>
        <translation>SRA Hongkong (Chiny)</translation>
    </message>
    <message>
        <source>Heard &amp; McDonald Islands</source>
        <translation>Wyspy Heard i McDonalda</translation>
    </message>
    <message>
        <source>Honduras</source>
        <translation>Honduras</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation>Chorwacja</translation>
    </message>
    <message>
        <source>Haiti</source>
        <translation>Haiti</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>Węgry</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>Indonezja</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlandia</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>Izrael</translation>
    </message>
    <message>
        <source>Isle of Man</source>
        <translation>Wyspa Man</translation>
    </message>
    <message>
        <source>India</source>
        <translation>Indie</translation>
    </message>
    <message>
        <source>British Indian Ocean Territory</source>
        <translation>Brytyjskie Terytorium Oceanu Indyjskiego</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>Irak</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>Iran</translation>
    </message>
    <message>
        <source>Iceland</source>
        <translation>Islandia</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Włochy</translation>
    </message>
    <message>
        <source>Jersey</source>
        <translation>Jersey</translation>
    </message>
    <message>
        <source>Jamaica</source>
        <translation>Jamajka</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>Jordania</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japonia</translation>
    </message>
    <message>
        <source>Kenya</source>
        <translation>Kenia</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Kirgistan</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>Kambodża</translation>
    </message>
    <message>
        <source>Kiribati</source>
        <translation>Kiribati</translation>
    </message>
    <message>
        <source>Comoros</source>
        <translation>Komory</translation>
    </message>
    <message>
        <source>St. Kitts &amp; Nevis</source>
        <translation>Saint Kitts i Nevis</translation>
    </message>
    <message>
        <source>North Korea</source>
        <translation>Korea Północna</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>Korea Południowa</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>Kuwejt</translation>
    </message>
    <message>
        <source>Cayman Islands</source>
        <translation>Kajmany</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Kazachstan</translation>
    </message>
    <message>
        <source>Laos</source>
        <translation>Laos</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>Liban</translation>
    </message>
    <message>
        <source>St. Lucia</source>
        <translation>Saint Lucia</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation>Liechtenstein</translation>
    </message>
    <message>
        <source>Sri Lanka</source>
        <translation>Sri Lanka</translation>
    </message>
    <message>
        <source>Liberia</source>
        <translation>Liberia</translation>
    </message>
    <message>
        <source>Lesotho</source>
        <translation>Lesotho</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Litwa</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luksemburg</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Łotwa</translation>
    </message>
    <message>
        <source>Libya</source>
        <translation>Libia</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>Maroko</translation>
    </message>
    <message>
        <source>Monaco</source>
        <translation>Monako</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Mołdawia</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>Czarnogóra</translation>
    </message>
    <message>
        <source>St. Martin</source>
        <translation>Saint-Martin</translation>
    </message>
    <message>
        <source>Madagascar</source>
        <translation>Madagaskar</translation>
    </message>
    <message>
        <source>Marshall Islands</source>
        <translation>Wyspy Marshalla</translation>
    </message>
    <message>
        <source>North Macedonia</source>
        <translation>Macedonia Północna</translation>
    </message>
    <message>
        <source>Mali</source>
        <translation>Mali</translation>
    </message>
    <message>
        <source>Myanmar (Burma)</source>
        <translation>Mjanma (Birma)</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>Mongolia</translation>
    </message>
    <message>
        <source>Macao SAR China</source>
        <translation>SRA Makau (Chiny)</translation>
    </message>
    <message>
        <source>Northern Mariana Islands</source>
        <translation>Mariany Północne</translation>
    </message>
    <message>
        <source>Martinique</source>
        <translation>Martynika</translation>
    </message>
    <message>
        <source>Mauritania</source>
        <translation>Mauretania</translation>
    </message>
    <message>
        <source>Montserrat</source>
        <translation>Montserrat</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation>Malta</translation>
    </message>
    <message>
        <source>Mauritius</source>
        <translation>Mauritius</translation>
    </message>
    <message>
        <source>Maldives</source>
        <translation>Malediwy</translation>
    </message>
    <message>
        <source>Malawi</source>
        <translation>Malawi</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>Meksyk</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>Malezja</translation>
    </message>
    <message>
        <source>Mozambique</source>
        <translation>Mozambik</translation>
    </message>
    <message>
        <source>Namibia</source>
        <translation>Namibia</translation>
    </message>
    <message>
        <source>New Caledonia</source>
        <translation>Nowa Kaledonia</translation>
    </message>
    <message>
        <source>Niger</source>
        <translation>Niger</translation>
    </message>
    <message>
        <source>Norfolk Island</source>
        <translation>Norfolk</translation>
    </message>
    <message>
        <source>Nigeria</source>
        <translation>Nigeria</translation>
    </message>
    <message>
        <source>Nicaragua</source>
        <translation>Nikaragua</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Holandia</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norwegia</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>Nepal</translation>
    </message>
    <message>
        <source>Nauru</source>
        <translation>Nauru</translation>
    </message>
    <message>
        <source>Niue</source>
        <translation>Niue</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nowa Zelandia</translation>
    </message>
    <message>
        <source>Oman</source>
        <translation>Oman</translation>
    </message>
    <message>
        <source>Panama</source>
        <translation>Panama</translation>
    </message>
    <message>
        <source>Peru</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>French Polynesia</source>
        <translation>Polinezja Francuska</translation>
    </message>
    <message>
        <source>Papua New Guinea</source>
        <translation>Papua-Nowa Gwinea</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>Filipiny</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>Pakistan</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polska</translation>
    </message>
    <message>
        <source>St. Pierre &amp; Miquelon</source>
        <translation>Saint-Pierre i Miquelon</translation>
    </message>
    <message>
        <source>Pitcairn Islands</source>
        <translation>Pitcairn</translation>
    </message>
    <message>
        <source>Puerto Rico</source>
        <translation>Portoryko</translation>
    </message>
    <message>
        <source>Palestinian Territories</source>
        <translation>Terytoria Palestyńskie</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portugalia</translation>
    </message>
    <message>
        <source>Palau</source>
        <translation>Palau</translation>
    </message>
    <message>
        <source>Paraguay</source>
        <translation>Paragwaj</translation>
    </message>
    <message>
        <source>Qatar</source>
        <translation>Katar</translation>
    </message>
    <message>
        <source>Réunion</source>
        <translation>Reunion</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation>Rumunia</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>Serbia</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Rosja</translation>
    </message>
    <message>
        <source>Rwanda</source>
        <translation>Rwanda</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Arabia Saudyjska</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>Wyspy Salomona</translation>
    </message>
    <message>
        <source>Seychelles</source>
        <translation>Seszele</translation>
    </message>
    <message>
        <source>Sudan</source>
        <translation>Sudan</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>Szwecja</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>Singapur</translation>
    </message>
    <message>
        <source>St. Helena</source>
        <translation>Wyspa Świętej Heleny</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation>Słowenia</translation>
    </message>
    <message>
        <source>Svalbard &amp; Jan Mayen</source>
        <translation>Svalbard i Jan Mayen</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>Słowacja</translation>
    </message>
    <message>
        <source>Sierra Leone</source>
        <translation>Sierra Leone</translation>
    </message>
    <message>
        <source>San Marino</source>
        <translation>San Marino</translation>
    </message>
    <message>
        <source>Senegal</source>
        <translation>Senegal</translation>
    </message>
    <message>
        <source>Somalia</source>
        <translation>Somalia</translation>
    </message>
    <message>
        <source>Suriname</source>
        <translation>Surinam</translation>
    </message>
    <message>
        <source>South Sudan</source>
        <translation>Sudan Południowy</translation>
    </message>
    <message>
        <source>São Tomé &amp; Príncipe</source>
        <translation>Wyspy Świętego Tomasza i Książęca</translation>
    </message>
    <message>
        <source>El Salvador</source>
        <translation>Salwador</translation>
    </message>
    <message>
        <source>Sint Maarten</source>
        <translation>Sint Maarten</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>Syria</translation>
    </message>
    <message>
        <source>Eswatini</source>
        <translation>Eswatini</translation>
    </message>
    <message>
        <source>Turks &amp; Caicos Islands</source>
        <translation>Turks i Caicos</translation>
    </message>
    <message>
        <source>Chad</source>
        <translation>Czad</translation>
    </message>
    <message>
        <source>French Southern Territories</source>
        <translation>Francuskie Terytoria Południowe i Antarktyczne</translation>
    </message>
    <message>
        <source>Togo</source>
        <translation>Togo</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>Tajlandia</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Tadżykistan</translation>
    </message>
    <message>
        <source>Tokelau</source>
        <translation>Tokelau</translation>
    </message>
    <message>
        <source>Timor-Leste</source>
        <translation>Timor Wschodni</translation>
    </message>
    <message>
        <source>Turkmenistan</source>
        <translation>Turkmenistan</translation>
    </message>
    <message>
        <source>Tunisia</source>
        <translation>Tunezja</translation>
    </message>
    <message>
        <source>Tonga</source>
        <translation>Tonga</translation>
    </message>
    <message>
        <source>Türkiye</source>
        <translation>Turcja</translation>
    </message>
    <message>
        <source>Trinidad &amp; Tobago</source>
        <translation>Trynidad i Tobago</translation>
    </message>
    <message>
        <source>Tuvalu</source>
        <translation>Tuvalu</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>Tajwan</translation>
    </message>
    <message>
        <source>Tanzania</source>
        <translation>Tanzania</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ukraina</translation>
    </message>
    <message>
        <source>Uganda</source>
        <translation>Uganda</translation>
    </message>
    <message>
        <source>U.S. Outlying Islands</source>
        <translation>Dalekie Wyspy Mniejsze Stanów Zjednoczonych</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Stany Zjednoczone</translation>
    </message>
    <message>
        <source>Uruguay</source>
        <translation>Urugwaj</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Uzbekistan</translation>
    </message>
    <message>
        <source>Vatican City</source>
        <translation>Watykan</translation>
    </message>
    <message>
        <source>St. Vincent &amp; Grenadines</source>
        <translation>Saint Vincent i Grenadyny</translation>
    </message>
    <message>
        <source>Venezuela</source>
        <translation>Wenezuela</translation>
    </message>
    <message>
        <source>British Virgin Islands</source>
        <translation>Brytyjskie Wyspy Dziewicze</translation>
    </message>
    <message>
        <source>U.S. Virgin Islands</source>
        <translation>Wyspy Dziewicze Stanów Zjednoczonych</translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation>Wietnam</translation>
    </message>
    <message>
        <source>Vanuatu</source>
        <translation>Vanuatu</translation>
    </message>
    <message>
        <source>Wallis &amp; Futuna</source>
        <translation>Wallis i Futuna</translation>
    </message>
    <message>
        <source>Samoa</source>
        <translation>Samoa</translation>
    </message>
    <message>
        <source>Yemen</source>
        <translation>Jemen</translation>
    </message>
    <message>
        <source>Mayotte</source>
        <translation>Majotta</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>Republika Południowej Afryki</translation>
    </message>
    <message>
        <source>Zambia</source>
        <translation>Zambia</translation>
    </message>
    <message>
        <source>Zimbabwe</source>
        <translation>Zimbabwe</translation>
    </message>
</context>
<context>
    <name>CsvCommands</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Eksportuj użytkowników</translation>
    </message>
    <message>
        <source>Import plan file</source>
        <translation>Importuj plik planu</translation>
    </message>
</context>
<context>
    <name>DeviceCodePanel</name>
    <message>
        <source>On this or any other device, open this page and enter the code:</source>
        <translation>Na tym lub innym urządzeniu otwórz tę stronę i wprowadź kod:</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Kopiuj kod</translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in…</source>
        <translation>Oczekiwanie na zakończenie logowania…</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Skopiowano</translation>
    </message>
</context>
<context>
    <name>DriftDialog</name>
    <message>
        <source>Template drift</source>
        <translation>Odstępstwa od szablonów</translation>
    </message>
    <message>
        <source>Every department with a template</source>
        <translation>Każdy dział, który ma szablon</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Dział:</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Użytkownik</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Szablon</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Różnice</translation>
    </message>
    <message>
        <source>Align…</source>
        <translation>Wyrównaj…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln users differ from their department&apos;s template. Align… shows the change that makes them match; it can be undone from History.</source>
        <translation>
            <numerusform>%Ln użytkownik różni się od szablonu swojego działu. Wyrównaj… pokazuje zmianę, która go dopasuje; można ją cofnąć w Historii.</numerusform>
            <numerusform>%Ln użytkowników różni się od szablonu swojego działu. Wyrównaj… pokazuje zmianę, która ich dopasuje; można ją cofnąć w Historii.</numerusform>
            <numerusform>%Ln użytkowników różni się od szablonu swojego działu. Wyrównaj… pokazuje zmianę, która ich dopasuje; można ją cofnąć w Historii.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every user matches their department&apos;s template.</source>
        <translation>Każdy użytkownik odpowiada szablonowi swojego działu.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Copy details</source>
        <translation>Kopiuj szczegóły</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Pokaż szczegóły</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Something went wrong</source>
        <translation>Coś poszło nie tak</translation>
    </message>
    <message>
        <source>License Desk hit an unexpected problem and stopped this task. Your other work is safe. Use Copy details to send the report to your IT support.</source>
        <translation>W License Desk wystąpił nieoczekiwany problem i to zadanie zostało zatrzymane. Pozostała praca jest bezpieczna. Użyj przycisku Kopiuj szczegóły, aby wysłać raport do działu wsparcia IT.</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Wymagane logowanie</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was refused. Sign in again, then retry.</source>
        <translation>Logowanie wygasło lub zostało odrzucone. Zaloguj się ponownie i spróbuj jeszcze raz.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Brak uprawnień</translation>
    </message>
    <message>
        <source>You need the License Administrator or User Administrator role to change licenses and users. Ask a Global Administrator to assign you one (Microsoft 365 admin center › Users › your account › Manage roles), then sign in again.</source>
        <translation>Do zmiany licencji i użytkowników potrzebna jest rola administratora licencji lub administratora użytkowników. Poproś administratora globalnego o przypisanie jednej z nich (centrum administracyjne Microsoft 365 › Użytkownicy › Twoje konto › Zarządzaj rolami), a następnie zaloguj się ponownie.</translation>
    </message>
    <message>
        <source>Sign-in blocked by your organisation</source>
        <translation>Logowanie zablokowane przez organizację</translation>
    </message>
    <message>
        <source>Your organisation&apos;s access policies blocked this sign-in. They may allow it only from a managed device, from certain networks or countries, or with multi-factor authentication. Ask your IT administrator which Conditional Access policy applies, and show them the details.</source>
        <translation>Zasady dostępu Twojej organizacji zablokowały to logowanie. Mogą zezwalać na logowanie tylko z zarządzanego urządzenia, z określonych sieci lub krajów albo z uwierzytelnianiem wieloskładnikowym. Zapytaj administratora IT, które zasady dostępu warunkowego mają zastosowanie, i pokaż mu szczegóły.</translation>
    </message>
    <message>
        <source>Sign-in not approved</source>
        <translation>Logowanie nie zostało zatwierdzone</translation>
    </message>
    <message>
        <source>The sign-in was declined or cancelled on Microsoft&apos;s page, so nothing was changed. Sign in again and approve it when you are ready.</source>
        <translation>Logowanie zostało odrzucone lub anulowane na stronie Microsoft, więc nic nie zmieniono. Zaloguj się ponownie i zatwierdź logowanie, gdy będziesz gotowy.</translation>
    </message>
    <message>
        <source>Account not in this organisation</source>
        <translation>Konto spoza tej organizacji</translation>
    </message>
    <message>
        <source>The account you signed in with does not belong to the organisation License Desk asked for. Sign in with an account of that organisation, or clear the organisation in Sign-in options to choose it at sign-in.</source>
        <translation>Konto, którym się logujesz, nie należy do organizacji, o którą prosi License Desk. Zaloguj się kontem tej organizacji albo wyczyść organizację w Opcjach logowania, aby wybrać ją przy logowaniu.</translation>
    </message>
    <message>
        <source>Organisation not found</source>
        <translation>Nie znaleziono organizacji</translation>
    </message>
    <message>
        <source>Microsoft does not know the organisation set in Sign-in options. Check its tenant ID or domain (such as contoso.onmicrosoft.com), or clear it to choose the organisation at sign-in.</source>
        <translation>Microsoft nie zna organizacji ustawionej w Opcjach logowania. Sprawdź jej identyfikator dzierżawy lub domenę (np. contoso.onmicrosoft.com) albo wyczyść ją, aby wybrać organizację przy logowaniu.</translation>
    </message>
    <message>
        <source>Application not registered</source>
        <translation>Aplikacja niezarejestrowana</translation>
    </message>
    <message>
        <source>The application (client) ID in Sign-in options is not registered in this organisation. Check the ID in Microsoft Entra admin center › App registrations, or clear it to use the default.</source>
        <translation>Identyfikator aplikacji (klienta) z Opcji logowania nie jest zarejestrowany w tej organizacji. Sprawdź go w centrum administracyjnym Microsoft Entra › Rejestracje aplikacji albo wyczyść go, aby użyć domyślnego.</translation>
    </message>
    <message>
        <source>Application not set up for License Desk</source>
        <translation>Aplikacja nieprzygotowana dla License Desk</translation>
    </message>
    <message>
        <source>Your own application registration is not set up for a desktop app. In Microsoft Entra admin center › App registrations › the app › Authentication, add the platform “Mobile and desktop applications” with the redirect URI http://localhost and turn on “Allow public client flows”.</source>
        <translation>Twoja rejestracja aplikacji nie jest przygotowana dla aplikacji klasycznej. W centrum administracyjnym Microsoft Entra › Rejestracje aplikacji › aplikacja › Uwierzytelnianie dodaj platformę „Aplikacje mobilne i klasyczne” z identyfikatorem URI przekierowania http://localhost i włącz „Zezwalaj na przepływy klientów publicznych”.</translation>
    </message>
    <message>
        <source>Not allowed to use this application</source>
        <translation>Brak dostępu do tej aplikacji</translation>
    </message>
    <message>
        <source>Your organisation lets only assigned people use this application, and your account is not one of them. Ask an administrator to assign you (Microsoft Entra admin center › Enterprise applications › the app › Users and groups).</source>
        <translation>Twoja organizacja pozwala używać tej aplikacji tylko przypisanym osobom, a Twoje konto do nich nie należy. Poproś administratora o przypisanie (centrum administracyjne Microsoft Entra › Aplikacje dla przedsiębiorstw › aplikacja › Użytkownicy i grupy).</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Konto wyłączone</translation>
    </message>
    <message>
        <source>This account is blocked from signing in. Ask another administrator to allow it again, or sign in with a different account.</source>
        <translation>To konto ma zablokowane logowanie. Poproś innego administratora o jego odblokowanie albo zaloguj się innym kontem.</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Konto zablokowane</translation>
    </message>
    <message>
        <source>Too many sign-in attempts locked this account for a while. Wait a few minutes and try again, or ask your IT administrator to unlock it.</source>
        <translation>Zbyt wiele prób logowania tymczasowo zablokowało to konto. Odczekaj kilka minut i spróbuj ponownie albo poproś administratora IT o odblokowanie.</translation>
    </message>
    <message>
        <source>No web browser</source>
        <translation>Brak przeglądarki</translation>
    </message>
    <message>
        <source>No web browser could be opened on this computer. Use “Sign in with a code” instead and finish on another device.</source>
        <translation>Na tym komputerze nie udało się otworzyć przeglądarki. Użyj „Zaloguj się kodem” i dokończ logowanie na innym urządzeniu.</translation>
    </message>
    <message>
        <source>Microsoft did not complete the sign-in. Try again; if it keeps failing, show the details to your IT administrator.</source>
        <translation>Microsoft nie dokończył logowania. Spróbuj ponownie; jeśli błąd się powtarza, pokaż szczegóły administratorowi IT.</translation>
    </message>
    <message>
        <source>License Desk needs permission to:</source>
        <translation>License Desk potrzebuje uprawnień, aby:</translation>
    </message>
    <message>
        <source>Permission needed</source>
        <translation>Wymagane uprawnienia</translation>
    </message>
    <message>
        <source>Sign in again and accept the request. If you may not accept it yourself, an administrator can grant consent for your organisation (Microsoft Entra admin center › Enterprise applications › the app › Permissions).</source>
        <translation>Zaloguj się ponownie i zaakceptuj żądanie. Jeśli nie możesz go zaakceptować samodzielnie, administrator może udzielić zgody w imieniu organizacji (centrum administracyjne Microsoft Entra › Aplikacje dla przedsiębiorstw › ta aplikacja › Uprawnienia).</translation>
    </message>
    <message>
        <source>Microsoft 365 refused the change. Either License Desk lacks the permission for it (sign out, sign in again and accept the permission it asks for), or your account lacks the License Administrator or User Administrator role (ask a Global Administrator to assign one in the Microsoft 365 admin center › Users › your account › Manage roles, then sign in again).</source>
        <translation>Usługa Microsoft 365 odrzuciła zmianę. License Desk nie ma do niej uprawnień (wyloguj się, zaloguj ponownie i zaakceptuj uprawnienia, o które prosi) albo Twoje konto nie ma roli administratora licencji lub administratora użytkowników (poproś administratora globalnego o przypisanie jednej z nich w centrum administracyjnym Microsoft 365 › Użytkownicy › Twoje konto › Zarządzaj rolami, a następnie zaloguj się ponownie).</translation>
    </message>
    <message>
        <source>sign you in and read your profile</source>
        <translation>zalogować Cię i odczytać Twój profil</translation>
    </message>
    <message>
        <source>read the users of your organisation</source>
        <translation>odczytać użytkowników Twojej organizacji</translation>
    </message>
    <message>
        <source>read license packages</source>
        <translation>odczytać licencje</translation>
    </message>
    <message>
        <source>read the groups that hand out licenses</source>
        <translation>odczytać grupy przypisujące licencje</translation>
    </message>
    <message>
        <source>assign and remove licenses</source>
        <translation>przypisywać i usuwać licencje</translation>
    </message>
    <message>
        <source>create users and change their settings</source>
        <translation>tworzyć użytkowników i zmieniać ich ustawienia</translation>
    </message>
    <message>
        <source>License Desk needs permissions that were not granted yet.</source>
        <translation>License Desk potrzebuje uprawnień, które nie zostały jeszcze udzielone.</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Logowanie wygasło</translation>
    </message>
    <message>
        <source>The sign-in was not finished in time (a code is valid for about 15 minutes). Start the sign-in again.</source>
        <translation>Logowanie nie zostało ukończone na czas (kod jest ważny około 15 minut). Rozpocznij logowanie od nowa.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Logowanie nie powiodło się</translation>
    </message>
    <message>
        <source>Sign-in cannot be saved</source>
        <translation>Nie można zapisać logowania</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring cannot store your sign-in ({reason}). License Desk never saves it to a plain file. Unlock or set up the keyring (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet), or keep the sign-in in memory for this session only.</source>
        <translation>Magazyn poświadczeń tego komputera nie może przechować logowania ({reason}). License Desk nigdy nie zapisuje go w zwykłym pliku. Odblokuj lub skonfiguruj magazyn poświadczeń (Menedżer poświadczeń systemu Windows, Pęk kluczy w macOS, GNOME Keyring lub KWallet) albo zachowaj logowanie w pamięci tylko na czas tej sesji.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nie znaleziono</translation>
    </message>
    <message>
        <source>The user or license no longer exists. Refresh the list (F5) and try again.</source>
        <translation>Użytkownik lub licencja już nie istnieje. Odśwież listę (F5) i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Microsoft 365 is busy</source>
        <translation>Usługa Microsoft 365 jest przeciążona</translation>
    </message>
    <message>
        <source>Microsoft 365 asked License Desk to slow down and kept refusing. Wait a few minutes, then try again.</source>
        <translation>Usługa Microsoft 365 poprosiła License Desk o spowolnienie i nadal odrzuca żądania. Odczekaj kilka minut i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Microsoft 365 refused the request</source>
        <translation>Usługa Microsoft 365 odrzuciła żądanie</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Brak połączenia</translation>
    </message>
    <message>
        <source>License Desk could not reach Microsoft 365. Check the internet connection (and any proxy or VPN), then try again.</source>
        <translation>License Desk nie może połączyć się z Microsoft 365. Sprawdź połączenie z internetem (oraz serwer proxy lub VPN, jeśli są używane) i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Nieoczekiwana odpowiedź</translation>
    </message>
    <message>
        <source>The server sent an answer License Desk does not understand. Try again; if it keeps happening, copy the details for your IT support.</source>
        <translation>Serwer przesłał odpowiedź, której License Desk nie rozumie. Spróbuj ponownie; jeśli problem się powtarza, skopiuj szczegóły dla działu wsparcia IT.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Zatrzymano</translation>
    </message>
    <message>
        <source>The task was stopped.</source>
        <translation>Zadanie zostało zatrzymane.</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Anulowano logowanie</translation>
    </message>
    <message>
        <source>Nothing was changed. Sign in again whenever you are ready.</source>
        <translation>Nic nie zostało zmienione. Zaloguj się ponownie w dowolnej chwili.</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>Problem z plikiem</translation>
    </message>
    <message>
        <source>License Desk could not use the file {name}: {reason}. Check that it exists, is not open in another program, and that you may write to its folder.</source>
        <translation>License Desk nie może użyć pliku {name}: {reason}. Sprawdź, czy plik istnieje, czy nie jest otwarty w innym programie i czy możesz zapisywać w jego folderze.</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>nie istnieje</translation>
    </message>
    <message>
        <source>you may not open or write it</source>
        <translation>nie masz uprawnień, aby go otworzyć lub zapisać</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>to jest folder</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>dysk jest pełny</translation>
    </message>
    <message>
        <source>the system refused it</source>
        <translation>system odmówił dostępu</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nic nie zostało zmienione</translation>
    </message>
    <message>
        <source>Fix these problems first, then try again:
{problems}</source>
        <translation>Najpierw popraw te problemy, potem spróbuj ponownie:
{problems}</translation>
    </message>
    <message>
        <source>The plan file has errors</source>
        <translation>Plik planu zawiera błędy</translation>
    </message>
    <message>
        <source>Run not found</source>
        <translation>Nie znaleziono przebiegu</translation>
    </message>
    <message>
        <source>History has no such run any more. Reopen History and pick the run again.</source>
        <translation>W historii nie ma już tego przebiegu. Otwórz Historię ponownie i wybierz przebieg jeszcze raz.</translation>
    </message>
    <message>
        <source>Run in progress</source>
        <translation>Przebieg w toku</translation>
    </message>
    <message>
        <source>Another License Desk window is applying this run right now. Wait until it finishes, then try again.</source>
        <translation>Inne okno License Desk właśnie wprowadza ten przebieg. Poczekaj, aż skończy, i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Already undone</source>
        <translation>Już cofnięto</translation>
    </message>
    <message>
        <source>This change was already undone (by run {run}). Nothing was changed. To make the change again, undo that run.</source>
        <translation>Ta zmiana została już cofnięta (przebiegiem {run}). Niczego nie zmieniono. Aby wprowadzić zmianę ponownie, cofnij tamten przebieg.</translation>
    </message>
    <message>
        <source>Another tenant</source>
        <translation>Inna dzierżawa</translation>
    </message>
    <message>
        <source>This change was previewed for another tenant ({tenant}), so it was not applied here. Nothing was changed. Preview it again in the tenant it is for.</source>
        <translation>Ta zmiana była sprawdzona dla innej dzierżawy ({tenant}), więc nie zastosowano jej tutaj. Niczego nie zmieniono. Sprawdź ją ponownie w dzierżawie, której dotyczy.</translation>
    </message>
    <message>
        <source>Nothing left to resume</source>
        <translation>Nie ma czego wznawiać</translation>
    </message>
    <message>
        <source>This run has finished: every change in it was already tried.</source>
        <translation>Ten przebieg się zakończył: każdą jego zmianę już wypróbowano.</translation>
    </message>
    <message>
        <source>History cannot be saved</source>
        <translation>Nie można zapisać historii</translation>
    </message>
    <message>
        <source>License Desk cannot read or write its history file, so it changed nothing. Check that your user folder is writable and not full, then try again.</source>
        <translation>License Desk nie może odczytać ani zapisać pliku historii, więc niczego nie zmienił. Sprawdź, czy folder użytkownika jest zapisywalny i nie jest pełny, i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>License Desk could not do that</source>
        <translation>License Desk nie może tego wykonać</translation>
    </message>
    <message>
        <source>License Desk stopped this task and changed nothing more. Show the details for the exact cause.</source>
        <translation>License Desk przerwał to zadanie i niczego więcej nie zmienił. Dokładną przyczynę znajdziesz w szczegółach.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search by name, user name or department (Ctrl+F)</source>
        <translation>Szukaj według nazwy, nazwy użytkownika lub działu (Ctrl+F)</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Wszyscy użytkownicy</translation>
    </message>
    <message>
        <source>Licensed</source>
        <translation>Z licencją</translation>
    </message>
    <message>
        <source>Unlicensed</source>
        <translation>Bez licencji</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Zablokowani</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>Z problemami</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Nieaktywowany</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Pokaż:</translation>
    </message>
    <message>
        <source>With {package}</source>
        <translation>Z licencją {package}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>User</source>
        <translation>Użytkownik</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Ustalenie</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Licencje</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Ostatnia aktywność</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Cost / month</source>
        <translation>Koszt / miesiąc</translation>
    </message>
    <message>
        <source>Seats: {count}</source>
        <translation>Licencje: {count}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nigdy</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>brak ceny</translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message>
        <source>Fix a group license error</source>
        <translation>Napraw błąd licencji z grupy</translation>
    </message>
    <message>
        <source>{user} did not get {package} from the group {group}: {reason}.</source>
        <translation>{user} nie dostał(a) licencji {package} z grupy {group}: {reason}.</translation>
    </message>
    <message>
        <source>Choose the change to preview:</source>
        <translation>Wybierz zmianę do podglądu:</translation>
    </message>
    <message>
        <source>Shows a preview of this change; nothing is sent before you apply it</source>
        <translation>Pokazuje podgląd tej zmiany; nic nie zostanie wysłane, zanim jej nie zastosujesz</translation>
    </message>
</context>
<context>
    <name>GraphFailure</name>
    <message>
        <source>No free seats are left in this license package. Free some seats or buy more, then try again.</source>
        <translation>W tym pakiecie licencji nie ma już wolnych miejsc. Zwolnij kilka miejsc lub dokup licencje i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>The user has no usage location. Set their location, then try again.</source>
        <translation>Użytkownik nie ma lokalizacji użycia. Ustaw ją i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>This license comes from a group. Remove the user from the group instead.</source>
        <translation>Ta licencja pochodzi z grupy. Zamiast tego usuń użytkownika z grupy.</translation>
    </message>
    <message>
        <source>The user no longer has this license. Refresh the list (F5).</source>
        <translation>Użytkownik nie ma już tej licencji. Odśwież listę (F5).</translation>
    </message>
    <message>
        <source>Your organisation no longer has this license package. Refresh the list (F5).</source>
        <translation>Twoja organizacja nie ma już tego pakietu licencji. Odśwież listę (F5).</translation>
    </message>
    <message>
        <source>An app in this license needs another app that is switched off. Switch the needed app on, then try again.</source>
        <translation>Aplikacja z tej licencji wymaga innej aplikacji, która jest wyłączona. Włącz potrzebną aplikację i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Two of these apps cannot be on at the same time. Switch one off.</source>
        <translation>Dwie z tych aplikacji nie mogą być włączone jednocześnie. Wyłącz jedną z nich.</translation>
    </message>
    <message>
        <source>Another account already has this user name. Choose a different one.</source>
        <translation>Inne konto ma już tę nazwę użytkownika. Wybierz inną.</translation>
    </message>
    <message>
        <source>The password is too simple. Choose a longer, more varied one.</source>
        <translation>Hasło jest zbyt proste. Wybierz dłuższe i bardziej zróżnicowane.</translation>
    </message>
    <message>
        <source>The user name&apos;s domain is not one of your organisation&apos;s verified domains.</source>
        <translation>Domena w nazwie użytkownika nie jest żadną ze zweryfikowanych domen Twojej organizacji.</translation>
    </message>
    <message>
        <source>The user or license no longer exists. Refresh the list (F5).</source>
        <translation>Ten użytkownik lub licencja już nie istnieje. Odśwież listę (F5).</translation>
    </message>
    <message>
        <source>You are not allowed to do this: it needs the License or User Administrator role.</source>
        <translation>Nie masz do tego uprawnień: potrzebna jest rola Administrator licencji lub Administrator użytkowników.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was refused. Sign in again, then retry.</source>
        <translation>Logowanie wygasło lub zostało odrzucone. Zaloguj się ponownie i spróbuj jeszcze raz.</translation>
    </message>
    <message>
        <source>Microsoft 365 is busy. Wait a few minutes, then try again.</source>
        <translation>Microsoft 365 jest zajęty. Odczekaj kilka minut i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Not done, because an earlier step of the same request failed.</source>
        <translation>Nie wykonano, ponieważ wcześniejszy krok tego samego żądania się nie powiódł.</translation>
    </message>
    <message>
        <source>Microsoft 365 cannot answer this search. Simplify it and try again.</source>
        <translation>Microsoft 365 nie potrafi odpowiedzieć na to wyszukiwanie. Uprość je i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>The list took too long to read and expired. Refresh the list (F5).</source>
        <translation>Odczyt listy trwał zbyt długo i wygasł. Odśwież listę (F5).</translation>
    </message>
    <message>
        <source>Microsoft 365 had a problem of its own. Try again in a few minutes.</source>
        <translation>Microsoft 365 miał własny problem. Spróbuj ponownie za kilka minut.</translation>
    </message>
    <message>
        <source>Microsoft 365 refused the request. Show the details for its own explanation.</source>
        <translation>Microsoft 365 odrzucił żądanie. Jego własne wyjaśnienie znajdziesz w szczegółach.</translation>
    </message>
</context>
<context>
    <name>GroupActions</name>
    <message>
        <source>Users</source>
        <translation>Użytkownicy</translation>
    </message>
    <message>
        <source>Show the users</source>
        <translation>Pokaż użytkowników</translation>
    </message>
    <message>
        <source>Licensed groups</source>
        <translation>Grupy licencyjne</translation>
    </message>
    <message>
        <source>Show the groups that hand out licenses, and their members in error</source>
        <translation>Pokaż grupy, które przydzielają licencje, i ich członków z błędami</translation>
    </message>
    <message>
        <source>Reprocess…</source>
        <translation>Przetwórz ponownie…</translation>
    </message>
    <message>
        <source>Ask Microsoft to process the group&apos;s licenses again for its members in error (every member when none is)</source>
        <translation>Poproś Microsoft o ponowne przetworzenie licencji grupy dla członków z błędami (dla wszystkich członków, gdy nikt nie ma błędu)</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Napraw…</translation>
    </message>
    <message>
        <source>Offer the change that resolves the chosen member&apos;s error</source>
        <translation>Zaproponuj zmianę, która usuwa błąd wybranego członka</translation>
    </message>
    <message>
        <source>Add ticked users to group</source>
        <translation>Dodaj zaznaczonych użytkowników do grupy</translation>
    </message>
    <message>
        <source>Make the users ticked on the Users page members of the chosen group</source>
        <translation>Uczyń użytkowników zaznaczonych na stronie Użytkownicy członkami wybranej grupy</translation>
    </message>
    <message>
        <source>Remove members…</source>
        <translation>Usuń członków…</translation>
    </message>
    <message>
        <source>Take members out of the chosen group (they lose what only it gives them)</source>
        <translation>Usuń członków z wybranej grupy (tracą to, co daje im tylko ta grupa)</translation>
    </message>
    <message>
        <source>Group licenses…</source>
        <translation>Licencje grupy…</translation>
    </message>
    <message>
        <source>License the chosen group with packages, change the apps they turn on, or remove a package from the group</source>
        <translation>Przypisz wybranej grupie licencje, zmień włączone w nich aplikacje albo odbierz grupie licencję</translation>
    </message>
    <message>
        <source>Remove direct copies the group covers</source>
        <translation>Usuń bezpośrednie kopie, które daje grupa</translation>
    </message>
    <message>
        <source>Remove members&apos; direct licenses that the chosen group already gives them (only where the group&apos;s copy is active and turns on the same apps)</source>
        <translation>Usuń członkom licencje przypisane bezpośrednio, które daje im już wybrana grupa (tylko tam, gdzie licencja z grupy jest aktywna i włącza te same aplikacje)</translation>
    </message>
    <message>
        <source>Fix group license error…</source>
        <translation>Napraw błąd licencji z grupy…</translation>
    </message>
    <message>
        <source>Open the ticked user&apos;s error in Licensed groups and offer the change that resolves it</source>
        <translation>Otwórz błąd zaznaczonego użytkownika w grupach licencyjnych i zaproponuj zmianę, która go usuwa</translation>
    </message>
</context>
<context>
    <name>GroupCommands</name>
    <message>
        <source>No member of {group} holds a direct copy the group covers</source>
        <translation>Żaden członek grupy {group} nie ma bezpośredniej kopii licencji, którą daje grupa</translation>
    </message>
    <message numerus="yes">
        <source>{group}: %Ln members processed of {total}</source>
        <translation>
            <numerusform>{group}: przetworzono %Ln członka z {total}</numerusform>
            <numerusform>{group}: przetworzono %Ln członków z {total}</numerusform>
            <numerusform>{group}: przetworzono %Ln członków z {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every member of {group} processed; %Ln in error</source>
        <translation>
            <numerusform>Przetworzono wszystkich członków grupy {group}; %Ln z błędem</numerusform>
            <numerusform>Przetworzono wszystkich członków grupy {group}; %Ln z błędami</numerusform>
            <numerusform>Przetworzono wszystkich członków grupy {group}; %Ln z błędami</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{group}: %Ln members not processed yet; Microsoft is still working on them (Refresh later)</source>
        <translation>
            <numerusform>{group}: %Ln członek jeszcze nieprzetworzony; Microsoft nadal nad tym pracuje (odśwież później)</numerusform>
            <numerusform>{group}: %Ln członków jeszcze nieprzetworzonych; Microsoft nadal nad nimi pracuje (odśwież później)</numerusform>
            <numerusform>{group}: %Ln członków jeszcze nieprzetworzonych; Microsoft nadal nad nimi pracuje (odśwież później)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupErrors</name>
    <message>
        <source>Free a seat of {package} (remove it from someone who does not need it) or buy more, then reprocess.</source>
        <translation>Zwolnij licencję {package} (odbierz ją komuś, kto jej nie potrzebuje) albo dokup licencje, potem przetwórz ponownie.</translation>
    </message>
    <message>
        <source>Turn off the conflicting app in the user&apos;s other license (or in the group&apos;s package), then reprocess.</source>
        <translation>Wyłącz kolidującą aplikację w innej licencji użytkownika (albo w licencji grupy), potem przetwórz ponownie.</translation>
    </message>
    <message>
        <source>Give the user a license with the app {package} needs (or turn off the app that needs it), then reprocess.</source>
        <translation>Daj użytkownikowi licencję z aplikacją, której potrzebuje {package} (albo wyłącz aplikację, która jej wymaga), potem przetwórz ponownie.</translation>
    </message>
    <message>
        <source>Set the user&apos;s usage location to a country where {package} is offered, then reprocess.</source>
        <translation>Ustaw lokalizację użycia na kraj, w którym {package} jest oferowana, potem przetwórz ponownie.</translation>
    </message>
    <message>
        <source>Another object uses the same e-mail address: correct the address (on-premises for a synced user), then reprocess.</source>
        <translation>Inny obiekt ma ten sam adres e-mail: popraw adres (u użytkownika synchronizowanego – w lokalnej usłudze Active Directory), potem przetwórz ponownie.</translation>
    </message>
    <message>
        <source>Reprocess; if the error stays, look at the user in the Microsoft Entra admin center.</source>
        <translation>Przetwórz ponownie; jeśli błąd zostanie, sprawdź użytkownika w centrum administracyjnym Microsoft Entra.</translation>
    </message>
    <message>
        <source>Free a seat: remove {package} from {holder}, whose sign-in is blocked; then reprocess</source>
        <translation>Zwolnij licencję: odbierz {package} użytkownikowi {holder}, który ma zablokowane logowanie; potem przetwórz ponownie</translation>
    </message>
    <message>
        <source>Turn off {apps} in the user&apos;s {license}, then reprocess</source>
        <translation>Wyłącz {apps} w licencji {license} użytkownika, potem przetwórz ponownie</translation>
    </message>
    <message>
        <source>Set the user&apos;s usage location, then reprocess</source>
        <translation>Ustaw lokalizację użycia użytkownika, potem przetwórz ponownie</translation>
    </message>
    <message>
        <source>Reprocess the user&apos;s group licenses</source>
        <translation>Przetwórz ponownie licencje użytkownika z grup</translation>
    </message>
</context>
<context>
    <name>GroupLicensesDialog</name>
    <message>
        <source>Licenses of the group</source>
        <translation>Licencje grupy</translation>
    </message>
    <message numerus="yes">
        <source>The packages {group} gives its %Ln members. Tick a package to add it, untick one to remove it, expand one to switch apps off. The preview says who gains or loses what.</source>
        <translation>
            <numerusform>Licencje, które grupa {group} daje swojemu %Ln członkowi. Zaznacz licencję, aby ją dodać, odznacz, aby ją usunąć, rozwiń, aby wyłączyć aplikacje. Podgląd pokaże, kto co zyska lub straci.</numerusform>
            <numerusform>Licencje, które grupa {group} daje swoim %Ln członkom. Zaznacz licencję, aby ją dodać, odznacz, aby ją usunąć, rozwiń, aby wyłączyć aplikacje. Podgląd pokaże, kto co zyska lub straci.</numerusform>
            <numerusform>Licencje, które grupa {group} daje swoim %Ln członkom. Zaznacz licencję, aby ją dodać, odznacz, aby ją usunąć, rozwiń, aby wyłączyć aplikacje. Podgląd pokaże, kto co zyska lub straci.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupTable</name>
    <message>
        <source>{package} (apps off: {apps})</source>
        <translation>{package} (wyłączone aplikacje: {apps})</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Licencje</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Członkowie</translation>
    </message>
    <message>
        <source>In error</source>
        <translation>Z błędami</translation>
    </message>
    <message>
        <source>Also has groups as members ({groups}): their members get nothing from this group, because licenses do not pass on to nested groups</source>
        <translation>Członkami są też grupy ({groups}): ich członkowie nie dostają nic z tej grupy, bo licencje nie przechodzą na grupy zagnieżdżone</translation>
    </message>
    <message>
        <source>Members who did not get a package from this group; select the group</source>
        <translation>Członkowie, którzy nie dostali licencji z tej grupy; wybierz grupę</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>Search groups by name or package</source>
        <translation>Szukaj grup po nazwie lub licencji</translation>
    </message>
    <message>
        <source>Members in error: select a group</source>
        <translation>Członkowie z błędami: wybierz grupę</translation>
    </message>
    <message>
        <source>Every member of {group} got its licenses</source>
        <translation>Każdy członek grupy {group} dostał jej licencje</translation>
    </message>
    <message numerus="yes">
        <source>Members of {group} in error: %Ln</source>
        <translation>
            <numerusform>Członkowie grupy {group} z błędami: %Ln</numerusform>
            <numerusform>Członkowie grupy {group} z błędami: %Ln</numerusform>
            <numerusform>Członkowie grupy {group} z błędami: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading licensed groups…</source>
        <translation>Wczytywanie grup licencyjnych…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln licensed groups</source>
        <translation>
            <numerusform>%Ln grupa licencyjna</numerusform>
            <numerusform>%Ln grupy licencyjne</numerusform>
            <numerusform>%Ln grup licencyjnych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with members in error</source>
        <translation>
            <numerusform>%Ln z członkami z błędami</numerusform>
            <numerusform>%Ln z członkami z błędami</numerusform>
            <numerusform>%Ln z członkami z błędami</numerusform>
        </translation>
    </message>
    <message>
        <source>The groups could not be read: {reason}</source>
        <translation>Nie udało się wczytać grup: {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryCommands</name>
    <message>
        <source>Restore a user</source>
        <translation>Przywróć użytkownika</translation>
    </message>
    <message>
        <source>Put back what “{change}” changed for:</source>
        <translation>Przywróć to, co „{change}” zmieniło u:</translation>
    </message>
    <message>
        <source>Unfinished change</source>
        <translation>Niedokończona zmiana</translation>
    </message>
    <message>
        <source>“{change}”, started {when}, was interrupted before it finished.</source>
        <translation>Zmiana „{change}” rozpoczęta {when} została przerwana przed zakończeniem.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message numerus="yes">
        <source>%Ln users were not handled yet. Resuming checks each of them again first, so nothing is done twice.</source>
        <translation>
            <numerusform>%Ln użytkownik nie został jeszcze obsłużony. Przed wznowieniem zostanie ponownie sprawdzony, więc nic nie zostanie wykonane dwa razy.</numerusform>
            <numerusform>%Ln użytkowników nie zostało jeszcze obsłużonych. Przed wznowieniem każdy z nich zostanie ponownie sprawdzony, więc nic nie zostanie wykonane dwa razy.</numerusform>
            <numerusform>%Ln użytkowników nie zostało jeszcze obsłużonych. Przed wznowieniem każdy z nich zostanie ponownie sprawdzony, więc nic nie zostanie wykonane dwa razy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change needs checking</source>
        <translation>Zmiana do sprawdzenia</translation>
    </message>
    <message>
        <source>“{change}”, started {when}, lost Microsoft&apos;s answers for some users, and they could not be read again.</source>
        <translation>W zmianie „{change}” rozpoczętej {when} zaginęły odpowiedzi Microsoftu dla części użytkowników i nie dało się ich ponownie odczytać.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Sprawdź teraz</translation>
    </message>
    <message numerus="yes">
        <source>%Ln users are unconfirmed. Checking reads them again first and sends only what is still missing.</source>
        <translation>
            <numerusform>%Ln użytkownik jest niepotwierdzony. Sprawdzenie najpierw odczyta go ponownie i wyśle tylko to, czego wciąż brakuje.</numerusform>
            <numerusform>%Ln użytkownicy są niepotwierdzeni. Sprawdzenie najpierw odczyta ich ponownie i wyśle tylko to, czego wciąż brakuje.</numerusform>
            <numerusform>%Ln użytkowników jest niepotwierdzonych. Sprawdzenie najpierw odczyta ich ponownie i wyśle tylko to, czego wciąż brakuje.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Cofnij…</translation>
    </message>
    <message>
        <source>Restore a user…</source>
        <translation>Przywróć użytkownika…</translation>
    </message>
    <message>
        <source>Put back what this run changed for one user you choose; the others stay</source>
        <translation>Przywróć to, co ta zmiana zmieniła u wybranego użytkownika; pozostali zostają bez zmian</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Wznów…</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Użytkownicy…</translation>
    </message>
    <message>
        <source>Each user of the run and how it ended (Enter)</source>
        <translation>Każdy użytkownik przebiegu i jak się zakończyło (Enter)</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Przerwano</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Cofnięto</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Zatrzymano</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>W toku</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Zakończono</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others</source>
        <translation>
            <numerusform>{name} i %n inna osoba</numerusform>
            <numerusform>{name} i %n inne osoby</numerusform>
            <numerusform>{name} i %n innych osób</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} · {who}</source>
        <translation>{what} · {who}</translation>
    </message>
    <message>
        <source>Already undone by run {run}: it cannot be undone twice</source>
        <translation>Już cofnięto przebiegiem {run}: nie można cofnąć dwa razy</translation>
    </message>
    <message>
        <source>Make a new change that puts back what this run changed</source>
        <translation>Wprowadź nową zmianę, która przywróci to, co zmienił ten przebieg</translation>
    </message>
</context>
<context>
    <name>ImportPeopleDialog</name>
    <message>
        <source>Import people</source>
        <translation>Importuj osoby</translation>
    </message>
    <message>
        <source>Which column gives what:</source>
        <translation>Co zawiera każda kolumna:</translation>
    </message>
    <message>
        <source>Column {column}</source>
        <translation>Kolumna {column}</translation>
    </message>
    <message>
        <source>What this column of the file gives</source>
        <translation>Co zawiera ta kolumna pliku</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Pomiń</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people ready to import from {file}.</source>
        <translation>
            <numerusform>%Ln osoba gotowa do importu z pliku {file}.</numerusform>
            <numerusform>%Ln osoby gotowe do importu z pliku {file}.</numerusform>
            <numerusform>%Ln osób gotowych do importu z pliku {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows cannot be imported:</source>
        <translation>
            <numerusform>%Ln wiersza nie można zaimportować:</numerusform>
            <numerusform>%Ln wierszy nie można zaimportować:</numerusform>
            <numerusform>%Ln wierszy nie można zaimportować:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln people</source>
        <translation>
            <numerusform>Importuj %Ln osobę</numerusform>
            <numerusform>Importuj %Ln osoby</numerusform>
            <numerusform>Importuj %Ln osób</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightAccess</name>
    <message>
        <source>Without it, Insight shows what it can read and says what is missing. An administrator may have to approve the permission.</source>
        <translation>Bez nich Analiza licencji pokaże to, co może odczytać, i powie, czego brakuje. Uprawnienie może wymagać zatwierdzenia przez administratora.</translation>
    </message>
    <message>
        <source>To show who does not use their licenses, License Desk needs permission to read sign-in activity, usage reports and subscriptions in {tenant}. Sign in again in your browser to grant it?</source>
        <translation>Aby pokazać, kto nie korzysta ze swoich licencji, License Desk potrzebuje uprawnień do odczytu aktywności logowania, raportów użycia i subskrypcji w {tenant}. Zalogować się ponownie w przeglądarce, aby je nadać?</translation>
    </message>
</context>
<context>
    <name>InsightCommands</name>
    <message>
        <source>Reclaim licenses</source>
        <translation>Odzyskaj licencje</translation>
    </message>
    <message>
        <source>Nothing here can be reclaimed.</source>
        <translation>Niczego z tego nie można odzyskać.</translation>
    </message>
</context>
<context>
    <name>InsightDialog</name>
    <message>
        <source>License insight</source>
        <translation>Analiza licencji</translation>
    </message>
</context>
<context>
    <name>InsightPdf</name>
    <message>
        <source>License insight</source>
        <translation>Analiza licencji</translation>
    </message>
    <message>
        <source>Tenant {tenant}, {date}</source>
        <translation>Dzierżawa {tenant}, {date}</translation>
    </message>
    <message>
        <source>Monthly cost: {amount}</source>
        <translation>Koszt miesięczny: {amount}</translation>
    </message>
    <message>
        <source>Monthly waste: {amount}</source>
        <translation>Miesięczne marnotrawstwo: {amount}</translation>
    </message>
    <message>
        <source>Last activity from: {source}; inactive after {days} days</source>
        <translation>Ostatnia aktywność według: {source}; nieaktywni po {days} dniach</translation>
    </message>
    <message>
        <source>Without a price (not counted): {packages}</source>
        <translation>Bez ceny (nie wliczono): {packages}</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Łącznie</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Przypisane</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nieaktywni</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Wolne</translation>
    </message>
    <message>
        <source>Waste / month</source>
        <translation>Strata / miesiąc</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>brak ceny</translation>
    </message>
    <message>
        <source>Largest findings</source>
        <translation>Największe straty</translation>
    </message>
</context>
<context>
    <name>InsightText</name>
    <message>
        <source>Blocked account</source>
        <translation>Zablokowane konto</translation>
    </message>
    <message>
        <source>Never signed in</source>
        <translation>Nigdy się nie zalogował</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nieaktywni</translation>
    </message>
    <message>
        <source>Covered by another package</source>
        <translation>Pokryta przez inną licencję</translation>
    </message>
    <message>
        <source>Seats never assigned</source>
        <translation>Nieprzypisane licencje</translation>
    </message>
    <message>
        <source>sign-in activity</source>
        <translation>aktywność logowania</translation>
    </message>
    <message>
        <source>usage report</source>
        <translation>raport użycia</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>No Microsoft Entra ID P1 or P2: last activity comes from the usage report.</source>
        <translation>Brak Microsoft Entra ID P1 lub P2: ostatnia aktywność pochodzi z raportu użycia.</translation>
    </message>
    <message>
        <source>The usage report hides user names: inactive users cannot be found until that setting is turned off in the Microsoft 365 admin center.</source>
        <translation>Raport użycia ukrywa nazwy użytkowników: nieaktywnych użytkowników nie da się znaleźć, dopóki to ustawienie nie zostanie wyłączone w centrum administracyjnym Microsoft 365.</translation>
    </message>
    <message>
        <source>The usage report could not be read: inactive users are not shown.</source>
        <translation>Nie udało się odczytać raportu użycia: nieaktywni użytkownicy nie są pokazani.</translation>
    </message>
    <message>
        <source>The Microsoft 365 Apps usage report could not be read: people who work only in the desktop Office apps may be shown as inactive.</source>
        <translation>Nie udało się odczytać raportu użycia aplikacji Microsoft 365: osoby pracujące tylko w klasycznych aplikacjach Office mogą być pokazane jako nieaktywne.</translation>
    </message>
    <message>
        <source>Sign-in activity was refused (a permission or role is missing): last activity comes from the usage report.</source>
        <translation>Odmówiono dostępu do aktywności logowania (brak uprawnienia lub roli): ostatnia aktywność pochodzi z raportu użycia.</translation>
    </message>
    <message>
        <source>Subscriptions could not be read: renewals are not shown.</source>
        <translation>Nie udało się odczytać subskrypcji: odnowienia nie są pokazane.</translation>
    </message>
    <message>
        <source>monthly (estimated)</source>
        <translation>miesięczna (szacunkowo)</translation>
    </message>
    <message>
        <source>annual (estimated)</source>
        <translation>roczna (szacunkowo)</translation>
    </message>
    <message>
        <source>multi-year (estimated)</source>
        <translation>wieloletnia (szacunkowo)</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>próbna</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nieznana</translation>
    </message>
</context>
<context>
    <name>InsightView</name>
    <message>
        <source>Show findings</source>
        <translation>Pokaż ustalenia</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Wszystkie ustalenia</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Pokaż:</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Ustalenia</translation>
    </message>
    <message>
        <source>&amp;Reclaim…</source>
        <translation>&amp;Odzyskaj…</translation>
    </message>
    <message>
        <source>Remove the licenses of the selected findings (or of all shown), after a preview</source>
        <translation>Usuń licencje zaznaczonych ustaleń (lub wszystkich widocznych) po podglądzie</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Odnowienia</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Ceny</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>&amp;Ustalenia</translation>
    </message>
    <message>
        <source>Re&amp;newals</source>
        <translation>Od&amp;nowienia</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Ceny</translation>
    </message>
    <message>
        <source>&amp;Trend</source>
        <translation>&amp;Trend</translation>
    </message>
    <message>
        <source>Monthly cost: {amount}</source>
        <translation>Koszt miesięczny: {amount}</translation>
    </message>
    <message>
        <source>Monthly waste: {amount}</source>
        <translation>Miesięczne marnotrawstwo: {amount}</translation>
    </message>
    <message>
        <source>Last activity from: {source}; inactive after {days} days</source>
        <translation>Ostatnia aktywność według: {source}; nieaktywni po {days} dniach</translation>
    </message>
    <message>
        <source>Without a price (not counted): {packages}</source>
        <translation>Bez ceny (nie wliczono): {packages}</translation>
    </message>
    <message>
        <source>Not a price: type an amount such as 23.50 and a currency code such as PLN.</source>
        <translation>To nie jest cena: wpisz kwotę, np. 23.50, i kod waluty, np. PLN.</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>brak daty</translation>
    </message>
    <message>
        <source>{package}: {status}, {seats} seats, renews or ends {when}, {term}</source>
        <translation>{package}: {status}, licencje: {seats}, odnowienie lub koniec {when}, {term}</translation>
    </message>
    <message>
        <source>reduce {count} unused seats before renewal</source>
        <translation>przed odnowieniem zmniejsz o nieużywane licencje: {count}</translation>
    </message>
    <message>
        <source>No renewal date</source>
        <translation>Bez daty odnowienia</translation>
    </message>
</context>
<context>
    <name>LicenseCard</name>
    <message>
        <source>For the organisation; not assignable to users</source>
        <translation>Dla organizacji; nie można przypisać użytkownikom</translation>
    </message>
    <message>
        <source>{used} / {total} assigned</source>
        <translation>Zajęte: {used} / {total}</translation>
    </message>
    <message>
        <source>{free} free</source>
        <translation>Wolne: {free}</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Zawieszona</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Wygasa</translation>
    </message>
</context>
<context>
    <name>LicensePickerDialog</name>
    <message>
        <source>Add licenses</source>
        <translation>Przypisz licencję</translation>
    </message>
    <message numerus="yes">
        <source>Choose the packages to give to %Ln users. Expand a package to switch individual apps off.</source>
        <translation>
            <numerusform>Wybierz licencje dla %Ln użytkownika. Rozwiń licencję, aby wyłączyć w niej poszczególne aplikacje.</numerusform>
            <numerusform>Wybierz licencje dla %Ln użytkowników. Rozwiń licencję, aby wyłączyć w niej poszczególne aplikacje.</numerusform>
            <numerusform>Wybierz licencje dla %Ln użytkowników. Rozwiń licencję, aby wyłączyć w niej poszczególne aplikacje.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the packages to give to the user. Expand a package to switch individual apps off.</source>
        <translation>Wybierz licencje dla tego użytkownika. Rozwiń licencję, aby wyłączyć w niej poszczególne aplikacje.</translation>
    </message>
    <message>
        <source>License template:</source>
        <translation>Szablon licencji:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them have no usage location. Set it to:</source>
        <translation>
            <numerusform>%Ln z nich nie ma lokalizacji użycia. Ustaw ją na:</numerusform>
            <numerusform>%Ln z nich nie ma lokalizacji użycia. Ustaw ją na:</numerusform>
            <numerusform>%Ln z nich nie ma lokalizacji użycia. Ustaw ją na:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>License Desk</source>
        <translation>License Desk</translation>
    </message>
    <message>
        <source>Reset demo tenant…</source>
        <translation>Przywróć dzierżawę demonstracyjną…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ustawienia…</translation>
    </message>
    <message>
        <source>About License Desk…</source>
        <translation>O programie License Desk…</translation>
    </message>
    <message>
        <source>About Qt…</source>
        <translation>O Qt…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Użytkownicy</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Grupy</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Narzędzia</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Akcje</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln users to {path}</source>
        <translation>
            <numerusform>Wyeksportowano %Ln użytkownika do {path}</numerusform>
            <numerusform>Wyeksportowano %Ln użytkowników do {path}</numerusform>
            <numerusform>Wyeksportowano %Ln użytkowników do {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading users… {n}</source>
        <translation>Wczytywanie użytkowników… {n}</translation>
    </message>
    <message>
        <source>Checking Microsoft 365 for changes…</source>
        <translation>Sprawdzanie zmian w Microsoft 365…</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>Wczytywanie użytkowników…</translation>
    </message>
    <message>
        <source>{organization} — License Desk</source>
        <translation>{organization} — License Desk</translation>
    </message>
</context>
<context>
    <name>MemberErrorModel</name>
    <message>
        <source>Member</source>
        <translation>Członek</translation>
    </message>
    <message>
        <source>User name (UPN)</source>
        <translation>Nazwa użytkownika (UPN)</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Co zrobić</translation>
    </message>
</context>
<context>
    <name>MemoryOnlyWarning</name>
    <message>
        <source>Sign-in kept in memory only</source>
        <translation>Logowanie przechowywane tylko w pamięci</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nowy użytkownik</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Ask for a new password at first sign-in</source>
        <translation>Wymagaj zmiany hasła przy pierwszym logowaniu</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Nazwa wyświetlana:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nazwa użytkownika:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Dział:</translation>
    </message>
    <message>
        <source>Usage location:</source>
        <translation>Lokalizacja użycia:</translation>
    </message>
    <message>
        <source>License template:</source>
        <translation>Szablon licencji:</translation>
    </message>
    <message>
        <source>A strong temporary password is made when the user is created, and shown to you once.</source>
        <translation>Podczas tworzenia użytkownika zostanie wygenerowane silne hasło tymczasowe, wyświetlone tylko raz.</translation>
    </message>
    <message>
        <source>Licenses (optional):</source>
        <translation>Licencje (opcjonalnie):</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>Wpisz imię i nazwisko osoby.</translation>
    </message>
    <message>
        <source>The user name may use letters, digits, dots, hyphens and underscores, and must start and end with a letter or digit.</source>
        <translation>Nazwa użytkownika może zawierać litery, cyfry, kropki, łączniki i podkreślenia oraz musi zaczynać się i kończyć literą lub cyfrą.</translation>
    </message>
    <message>
        <source>The tenant has no verified domain to create users on.</source>
        <translation>Dzierżawa nie ma zweryfikowanej domeny, w której można tworzyć użytkowników.</translation>
    </message>
</context>
<context>
    <name>PackageChart</name>
    <message>
        <source>Seats per package</source>
        <translation>Licencje według pakietu</translation>
    </message>
    <message>
        <source>{package}: {active} active, {inactive} inactive, {free} free</source>
        <translation>{package}: aktywne {active}, nieaktywne {inactive}, wolne {free}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktywne</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>nieaktywne</translation>
    </message>
    <message>
        <source>free</source>
        <translation>wolne</translation>
    </message>
</context>
<context>
    <name>PackageTree</name>
    <message>
        <source>License package</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Wolne</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwagi</translation>
    </message>
    <message>
        <source>For the organisation only</source>
        <translation>Tylko dla organizacji</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Zawieszona</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Usunięta</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Zablokowana</translation>
    </message>
    <message>
        <source>No seats left</source>
        <translation>Brak wolnych licencji</translation>
    </message>
    <message>
        <source>Expiring: renew soon</source>
        <translation>Wygasa: wkrótce odnów</translation>
    </message>
</context>
<context>
    <name>PasswordsDialog</name>
    <message>
        <source>Accounts created</source>
        <translation>Utworzono konta</translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts were created.</source>
        <translation>
            <numerusform>Utworzono %Ln konto.</numerusform>
            <numerusform>Utworzono %Ln konta.</numerusform>
            <numerusform>Utworzono %Ln kont.</numerusform>
        </translation>
    </message>
    <message>
        <source>User name (UPN)</source>
        <translation>Nazwa użytkownika (UPN)</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Hasło tymczasowe</translation>
    </message>
    <message>
        <source>This is the only time the passwords are shown; License Desk does not keep them. Give them to the people through a safe channel; they change them at first sign-in.</source>
        <translation>Hasła są wyświetlane tylko ten jeden raz; License Desk ich nie przechowuje. Przekaż je tym osobom bezpiecznym kanałem; zmienią je przy pierwszym logowaniu.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Copy the selected rows, or every row</source>
        <translation>Kopiuj zaznaczone wiersze albo wszystkie</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Zapisz do pliku…</translation>
    </message>
    <message>
        <source>A CSV file only you can read</source>
        <translation>Plik CSV, który możesz odczytać tylko Ty</translation>
    </message>
    <message>
        <source>Save passwords</source>
        <translation>Zapisz hasła</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>PeopleCommands</name>
    <message>
        <source>The people not in Microsoft 365 yet could not be shown</source>
        <translation>Nie udało się pokazać osób, których jeszcze nie ma w Microsoft 365</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln people from the list of people not in Microsoft 365 yet?</source>
        <translation>
            <numerusform>Usunąć %Ln osobę z listy osób, których nie ma jeszcze w Microsoft 365?</numerusform>
            <numerusform>Usunąć %Ln osoby z listy osób, których nie ma jeszcze w Microsoft 365?</numerusform>
            <numerusform>Usunąć %Ln osób z listy osób, których nie ma jeszcze w Microsoft 365?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Usuń z listy</translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln from list</source>
        <translation>
            <numerusform>Usuń %Ln z listy</numerusform>
            <numerusform>Usuń %Ln z listy</numerusform>
            <numerusform>Usuń %Ln z listy</numerusform>
        </translation>
    </message>
    <message>
        <source>No account is touched. To bring them back, import them from the file again.</source>
        <translation>Żadne konto nie zostanie zmienione. Aby przywrócić te osoby, zaimportuj je ponownie z pliku.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people removed from the list</source>
        <translation>
            <numerusform>Usunięto z listy %Ln osobę</numerusform>
            <numerusform>Usunięto z listy %Ln osoby</numerusform>
            <numerusform>Usunięto z listy %Ln osób</numerusform>
        </translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Importuj osoby</translation>
    </message>
    <message>
        <source>People lists (*.csv *.xlsx)</source>
        <translation>Listy osób (*.csv *.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people imported</source>
        <translation>
            <numerusform>Zaimportowano %Ln osobę</numerusform>
            <numerusform>Zaimportowano %Ln osoby</numerusform>
            <numerusform>Zaimportowano %Ln osób</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already on the list</source>
        <translation>
            <numerusform>%Ln już była na liście</numerusform>
            <numerusform>%Ln już były na liście</numerusform>
            <numerusform>%Ln już było na liście</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleWords</name>
    <message>
        <source>Name</source>
        <translation>Nazwa wyświetlana</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>User name (UPN)</source>
        <translation>Nazwa użytkownika (UPN)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Usage location</source>
        <translation>Lokalizacja użycia</translation>
    </message>
    <message>
        <source>Manager&apos;s e-mail</source>
        <translation>E-mail przełożonego</translation>
    </message>
    <message>
        <source>no name: fill in the name</source>
        <translation>brak imienia i nazwiska: uzupełnij je</translation>
    </message>
    <message>
        <source>{field} “{value}” is not an address of the form name@domain</source>
        <translation>{field} „{value}” nie jest adresem w postaci nazwa@domena</translation>
    </message>
    <message>
        <source>usage location “{value}” is not a two-letter country code (e.g. PL)</source>
        <translation>lokalizacja użycia „{value}” nie jest dwuliterowym kodem kraju (np. PL)</translation>
    </message>
    <message>
        <source>give the first and last name (or a user name): the user name rule needs both</source>
        <translation>podaj imię i nazwisko (albo nazwę użytkownika): reguła nazw użytkowników potrzebuje obu</translation>
    </message>
    <message>
        <source>{person} is also on line {line}</source>
        <translation>{person} jest też w wierszu {line}</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Wiersz {line}: {reason}</translation>
    </message>
    <message>
        <source>The columns “{first}” and “{second}” both give {field}: leave one of them out.</source>
        <translation>Kolumny „{first}” i „{second}” zawierają to samo ({field}): pomiń jedną z nich.</translation>
    </message>
    <message>
        <source>No column gives the name: choose Name, or First name and Last name, for a column.</source>
        <translation>Żadna kolumna nie zawiera imienia i nazwiska: wybierz dla kolumny Nazwa wyświetlana albo Imię i Nazwisko.</translation>
    </message>
    <message>
        <source>This column mapping cannot be used: choose the columns again.</source>
        <translation>Tego przypisania kolumn nie można użyć: wybierz kolumny ponownie.</translation>
    </message>
</context>
<context>
    <name>PlanFileText</name>
    <message>
        <source>the file is not UTF-8 text: in Excel choose Save As, &apos;CSV UTF-8 (comma delimited)&apos;</source>
        <translation>plik nie jest tekstem UTF-8: w Excelu wybierz Zapisz jako, „CSV UTF-8 (rozdzielany przecinkami)”</translation>
    </message>
    <message>
        <source>the file is empty: it needs a header row</source>
        <translation>plik jest pusty: potrzebny jest wiersz nagłówka</translation>
    </message>
    <message>
        <source>the header has no userPrincipalName column (expected: {columns}, separated by &apos;,&apos; or &apos;;&apos;)</source>
        <translation>nagłówek nie ma kolumny userPrincipalName (oczekiwane: {columns}, rozdzielone „,” lub „;”)</translation>
    </message>
    <message>
        <source>unknown column &apos;{name}&apos;: use {columns}</source>
        <translation>nieznana kolumna „{name}”: użyj {columns}</translation>
    </message>
    <message>
        <source>column &apos;{name}&apos; appears twice</source>
        <translation>kolumna „{name}” występuje dwa razy</translation>
    </message>
    <message>
        <source>userPrincipalName is empty</source>
        <translation>userPrincipalName jest puste</translation>
    </message>
    <message>
        <source>&apos;{user}&apos; is not a userPrincipalName (name@domain) or a user id</source>
        <translation>„{user}” nie jest nazwą userPrincipalName (nazwa@domena) ani identyfikatorem użytkownika</translation>
    </message>
    <message>
        <source>usageLocation &apos;{location}&apos; is not a two-letter country code</source>
        <translation>usageLocation „{location}” nie jest dwuliterowym kodem kraju</translation>
    </message>
    <message>
        <source>enable is &apos;{value}&apos;: write true, false, or leave it empty</source>
        <translation>enable ma wartość „{value}”: wpisz true, false lub zostaw puste</translation>
    </message>
    <message>
        <source>disabledPlans needs the license they belong to in the add column</source>
        <translation>disabledPlans wymaga w kolumnie add licencji, do której należą te aplikacje</translation>
    </message>
    <message>
        <source>nothing to change: fill add, remove, usageLocation or enable</source>
        <translation>nic do zmiany: wypełnij add, remove, usageLocation lub enable</translation>
    </message>
    <message>
        <source>{values} values but the header has {columns} columns: a value containing &apos;{delimiter}&apos; needs quotes</source>
        <translation>{values} wartości, a nagłówek ma {columns} kolumn: wartość zawierająca „{delimiter}” musi być w cudzysłowie</translation>
    </message>
    <message>
        <source>{user} already has a row (line {first}): merge them</source>
        <translation>{user} ma już wiersz (wiersz {first}): połącz je</translation>
    </message>
    <message>
        <source>broken quoting: a quote is not closed</source>
        <translation>błędne cudzysłowy: cudzysłów nie został zamknięty</translation>
    </message>
    <message>
        <source>{column}: no license package named &apos;{name}&apos; in this tenant</source>
        <translation>{column}: w tej dzierżawie nie ma pakietu licencji o nazwie „{name}”</translation>
    </message>
    <message>
        <source>the same license is in both add and remove</source>
        <translation>ta sama licencja jest zarówno w add, jak i w remove</translation>
    </message>
    <message>
        <source>disabledPlans: no app &apos;{name}&apos; in {licenses}</source>
        <translation>disabledPlans: brak aplikacji „{name}” w {licenses}</translation>
    </message>
    <message>
        <source>cannot read {path}: {why}</source>
        <translation>nie można odczytać {path}: {why}</translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln errors; nothing was applied:</source>
        <translation>
            <numerusform>{file} ma %Ln błąd; niczego nie wprowadzono:</numerusform>
            <numerusform>{file} ma %Ln błędy; niczego nie wprowadzono:</numerusform>
            <numerusform>{file} ma %Ln błędów; niczego nie wprowadzono:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… i jeszcze %Ln</numerusform>
            <numerusform>… i jeszcze %Ln</numerusform>
            <numerusform>… i jeszcze %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>line {line}: {error}</source>
        <translation>wiersz {line}: {error}</translation>
    </message>
</context>
<context>
    <name>PlanPreviewDialog</name>
    <message>
        <source>Check before applying</source>
        <translation>Sprawdź przed zastosowaniem</translation>
    </message>
    <message>
        <source>Tenant: {tenant}</source>
        <translation>Dzierżawa: {tenant}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln users to change</source>
        <translation>
            <numerusform>%Ln użytkownik do zmiany</numerusform>
            <numerusform>%Ln użytkowników do zmiany</numerusform>
            <numerusform>%Ln użytkowników do zmiany</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need nothing</source>
        <translation>
            <numerusform>bez zmian: %Ln</numerusform>
            <numerusform>bez zmian: %Ln</numerusform>
            <numerusform>bez zmian: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln pominięty</numerusform>
            <numerusform>%Ln pominięci</numerusform>
            <numerusform>%Ln pominiętych</numerusform>
        </translation>
    </message>
    <message>
        <source>fix the problems marked in red, or untick those users, before applying</source>
        <translation>popraw problemy oznaczone na czerwono albo odznacz tych użytkowników przed zastosowaniem</translation>
    </message>
    <message numerus="yes">
        <source>Leave out %Ln users with problems</source>
        <translation>
            <numerusform>Pomiń %Ln użytkownika z problemami</numerusform>
            <numerusform>Pomiń %Ln użytkowników z problemami</numerusform>
            <numerusform>Pomiń %Ln użytkowników z problemami</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave out the user with problems</source>
        <translation>Pomiń użytkownika z problemami</translation>
    </message>
    <message>
        <source>Checking again…</source>
        <translation>Ponowne sprawdzanie…</translation>
    </message>
    <message numerus="yes">
        <source>I understand that %Ln accounts will be deleted</source>
        <translation>
            <numerusform>Rozumiem, że %Ln konto zostanie usunięte</numerusform>
            <numerusform>Rozumiem, że %Ln konta zostaną usunięte</numerusform>
            <numerusform>Rozumiem, że %Ln kont zostanie usuniętych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Create %Ln new Microsoft 365 accounts</source>
        <translation>
            <numerusform>Utwórz %Ln nowe konto Microsoft 365</numerusform>
            <numerusform>Utwórz %Ln nowe konta Microsoft 365</numerusform>
            <numerusform>Utwórz %Ln nowych kont Microsoft 365</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{text} (%Ln users)</source>
        <translation>
            <numerusform>{text} (%Ln użytkownik)</numerusform>
            <numerusform>{text} (%Ln użytkowników)</numerusform>
            <numerusform>{text} (%Ln użytkowników)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <source>User</source>
        <translation>Użytkownik</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwagi</translation>
    </message>
    <message>
        <source>Left out: nothing changes for this user</source>
        <translation>Pominięty: nic się nie zmieni dla tego użytkownika</translation>
    </message>
    <message>
        <source>Problem: {note}</source>
        <translation>Problem: {note}</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message numerus="yes">
        <source>%Ln users</source>
        <translation>
            <numerusform>%Ln użytkownik</numerusform>
            <numerusform>%Ln użytkowników</numerusform>
            <numerusform>%Ln użytkowników</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs %Ln seats of {package}, {free} free</source>
        <translation>
            <numerusform>Potrzeba %Ln licencji {package}, wolne: {free}</numerusform>
            <numerusform>Potrzeba %Ln licencji {package}, wolne: {free}</numerusform>
            <numerusform>Potrzeba %Ln licencji {package}, wolne: {free}</numerusform>
        </translation>
    </message>
    <message>
        <source>{package} (apps off: {apps})</source>
        <translation>{package} (wyłączone aplikacje: {apps})</translation>
    </message>
    <message>
        <source>create the user</source>
        <translation>utworzenie użytkownika</translation>
    </message>
    <message>
        <source>allow sign-in</source>
        <translation>odblokowanie logowania</translation>
    </message>
    <message>
        <source>block sign-in</source>
        <translation>zablokowanie logowania</translation>
    </message>
    <message>
        <source>usage location {code}</source>
        <translation>lokalizacja użycia {code}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group members waiting for {package} will take the freed seats: undoing this later may find none free</source>
        <translation>
            <numerusform>%Ln członek grupy czekający na {package} zajmie zwolnione licencje: późniejsze cofnięcie może nie znaleźć wolnej</numerusform>
            <numerusform>%Ln członków grupy czekających na {package} zajmie zwolnione licencje: późniejsze cofnięcie może nie znaleźć wolnej</numerusform>
            <numerusform>%Ln członków grupy czekających na {package} zajmie zwolnione licencje: późniejsze cofnięcie może nie znaleźć wolnej</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Frees %Ln licenses worth {amount} a month</source>
        <translation>
            <numerusform>Zwalnia %Ln licencję wartą {amount} miesięcznie</numerusform>
            <numerusform>Zwalnia %Ln licencje warte {amount} miesięcznie</numerusform>
            <numerusform>Zwalnia %Ln licencji wartych {amount} miesięcznie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>wykonano: %Ln</numerusform>
            <numerusform>wykonano: %Ln</numerusform>
            <numerusform>wykonano: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>błędy: %Ln</numerusform>
            <numerusform>błędy: %Ln</numerusform>
            <numerusform>błędy: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln needed nothing</source>
        <translation>
            <numerusform>bez zmian: %Ln</numerusform>
            <numerusform>bez zmian: %Ln</numerusform>
            <numerusform>bez zmian: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not started (stopped)</source>
        <translation>
            <numerusform>nie rozpoczęto (zatrzymano): %Ln</numerusform>
            <numerusform>nie rozpoczęto (zatrzymano): %Ln</numerusform>
            <numerusform>nie rozpoczęto (zatrzymano): %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln partly done</source>
        <translation>
            <numerusform>częściowo: %Ln</numerusform>
            <numerusform>częściowo: %Ln</numerusform>
            <numerusform>częściowo: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unconfirmed (resume the run from History to check)</source>
        <translation>
            <numerusform>niepotwierdzone: %Ln (wznów zmianę w Historii, by to sprawdzić)</numerusform>
            <numerusform>niepotwierdzone: %Ln (wznów zmianę w Historii, by to sprawdzić)</numerusform>
            <numerusform>niepotwierdzone: %Ln (wznów zmianę w Historii, by to sprawdzić)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs checking: %Ln users unconfirmed (resume the run)</source>
        <translation>
            <numerusform>Do sprawdzenia: %Ln niepotwierdzony użytkownik (wznów zmianę)</numerusform>
            <numerusform>Do sprawdzenia: %Ln niepotwierdzeni użytkownicy (wznów zmianę)</numerusform>
            <numerusform>Do sprawdzenia: %Ln niepotwierdzonych użytkowników (wznów zmianę)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts will be deleted. License Desk cannot bring them back; an administrator can restore them within 30 days from Deleted users in the Microsoft 365 admin center</source>
        <translation>
            <numerusform>%Ln konto zostanie usunięte. License Desk nie może go przywrócić; administrator może je przywrócić w ciągu 30 dni w sekcji Usunięci użytkownicy w centrum administracyjnym Microsoft 365</numerusform>
            <numerusform>%Ln konta zostaną usunięte. License Desk nie może ich przywrócić; administrator może je przywrócić w ciągu 30 dni w sekcji Usunięci użytkownicy w centrum administracyjnym Microsoft 365</numerusform>
            <numerusform>%Ln kont zostanie usuniętych. License Desk nie może ich przywrócić; administrator może je przywrócić w ciągu 30 dni w sekcji Usunięci użytkownicy w centrum administracyjnym Microsoft 365</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members lose {packages}; {mailboxes} of them their last Exchange license (mailbox data deleted 30 days later)</source>
        <translation>
            <numerusform>%Ln członek straci {packages}; {mailboxes} z nich ostatnią licencję Exchange (dane skrzynki zostaną usunięte po 30 dniach)</numerusform>
            <numerusform>%Ln członków straci {packages}; {mailboxes} z nich ostatnią licencję Exchange (dane skrzynek zostaną usunięte po 30 dniach)</numerusform>
            <numerusform>%Ln członków straci {packages}; {mailboxes} z nich ostatnią licencję Exchange (dane skrzynek zostaną usunięte po 30 dniach)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members have no usage location: they get the organisation&apos;s</source>
        <translation>
            <numerusform>%Ln członek nie ma lokalizacji użycia: dostanie lokalizację organizacji</numerusform>
            <numerusform>%Ln członków nie ma lokalizacji użycia: dostaną lokalizację organizacji</numerusform>
            <numerusform>%Ln członków nie ma lokalizacji użycia: dostaną lokalizację organizacji</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members would get {package} from {group} in error: it conflicts with a plan they already have (turn that app off first)</source>
        <translation>
            <numerusform>%Ln członek dostałby {package} z grupy {group} z błędem: koliduje z planem, który już ma (najpierw wyłącz tę aplikację)</numerusform>
            <numerusform>%Ln członków dostałoby {package} z grupy {group} z błędem: koliduje z planem, który już mają (najpierw wyłącz tę aplikację)</numerusform>
            <numerusform>%Ln członków dostałoby {package} z grupy {group} z błędem: koliduje z planem, który już mają (najpierw wyłącz tę aplikację)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members would get {package} from {group} in error: it needs a plan they do not have</source>
        <translation>
            <numerusform>%Ln członek dostałby {package} z grupy {group} z błędem: wymaga planu, którego nie ma</numerusform>
            <numerusform>%Ln członków dostałoby {package} z grupy {group} z błędem: wymaga planu, którego nie mają</numerusform>
            <numerusform>%Ln członków dostałoby {package} z grupy {group} z błędem: wymaga planu, którego nie mają</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage location {code} kept: {packages} from the group {group} needs it</source>
        <translation>Lokalizacja użycia {code} pozostaje: potrzebuje jej {packages} z grupy {group}</translation>
    </message>
    <message>
        <source>Usage location {code} kept: {packages}, which the user keeps, needs it</source>
        <translation>Lokalizacja użycia {code} pozostaje: potrzebuje jej {packages}, które użytkownik zachowuje</translation>
    </message>
    <message>
        <source>delete the account</source>
        <translation>usunięcie konta</translation>
    </message>
    <message>
        <source>clear the usage location (leave it empty)</source>
        <translation>wyczyszczenie lokalizacji użycia (pozostanie pusta)</translation>
    </message>
    <message>
        <source>add {licenses}</source>
        <translation>przypisanie: {licenses}</translation>
    </message>
    <message>
        <source>remove {licenses}</source>
        <translation>usunięcie: {licenses}</translation>
    </message>
    <message>
        <source>process group licenses again</source>
        <translation>przetwórz ponownie licencje z grup</translation>
    </message>
    <message>
        <source>add to the group {group}</source>
        <translation>dodaj do grupy {group}</translation>
    </message>
    <message>
        <source>remove from the group {group}</source>
        <translation>usuń z grupy {group}</translation>
    </message>
    <message>
        <source>for every member, through the group</source>
        <translation>dla każdego członka, przez grupę</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>bez zmian</translation>
    </message>
    <message>
        <source>No usage location: choose a country for this user first</source>
        <translation>Brak lokalizacji użycia: najpierw wybierz kraj dla tego użytkownika</translation>
    </message>
    <message>
        <source>{package} comes from the group {group}: change the group instead</source>
        <translation>Licencja {package} pochodzi z grupy {group}: zmień przypisanie w grupie</translation>
    </message>
    <message>
        <source>{package} is for the organisation, not for users</source>
        <translation>Licencja {package} jest przeznaczona dla organizacji, nie dla użytkowników</translation>
    </message>
    <message>
        <source>{package} cannot be assigned now ({status})</source>
        <translation>Nie można teraz przypisać licencji {package} ({status})</translation>
    </message>
    <message>
        <source>The tenant has no license {package}</source>
        <translation>Dzierżawa nie ma licencji {package}</translation>
    </message>
    <message>
        <source>{package} has no such app</source>
        <translation>Licencja {package} nie zawiera takiej aplikacji</translation>
    </message>
    <message>
        <source>No such user in the tenant</source>
        <translation>Nie ma takiego użytkownika w dzierżawie</translation>
    </message>
    <message>
        <source>The user no longer exists</source>
        <translation>Ten użytkownik już nie istnieje</translation>
    </message>
    <message>
        <source>A user with this user name already exists</source>
        <translation>Użytkownik o tej nazwie użytkownika już istnieje</translation>
    </message>
    <message>
        <source>“{value}” is not a country code (use two letters, e.g. PL)</source>
        <translation>„{value}” nie jest kodem kraju (użyj dwóch liter, np. PL)</translation>
    </message>
    <message>
        <source>Already has {package}</source>
        <translation>Ma już licencję {package}</translation>
    </message>
    <message>
        <source>Does not hold {package} directly</source>
        <translation>Nie ma bezpośrednio przypisanej licencji {package}</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Nic do zmiany</translation>
    </message>
    <message>
        <source>This removes the user&apos;s last Exchange license: the mailbox is deleted 30 days later</source>
        <translation>To ostatnia licencja użytkownika z usługą Exchange: jego skrzynka pocztowa zostanie usunięta po 30 dniach</translation>
    </message>
    <message>
        <source>Synced from on-premises Active Directory: the next sync will undo the block. Disable the account on-premises to keep it blocked</source>
        <translation>Synchronizowany z lokalnej usługi Active Directory: następna synchronizacja cofnie blokadę. Aby blokada została, wyłącz konto w lokalnej usłudze Active Directory</translation>
    </message>
    <message>
        <source>Listed more than once: keep one line per user</source>
        <translation>Występuje więcej niż raz: zostaw jeden wiersz na użytkownika</translation>
    </message>
    <message>
        <source>{package} is both added and removed</source>
        <translation>Licencja {package} jest jednocześnie dodawana i usuwana</translation>
    </message>
    <message>
        <source>{user} was deleted: undo cannot bring a deleted user back (restore it from Deleted users in the Microsoft 365 admin center)</source>
        <translation>Użytkownik {user} został usunięty: cofnięcie nie przywróci usuniętego użytkownika (przywróć go w sekcji Usunięci użytkownicy w centrum administracyjnym Microsoft 365)</translation>
    </message>
    <message>
        <source>No group {group} in the tenant</source>
        <translation>W dzierżawie nie ma grupy {group}</translation>
    </message>
    <message>
        <source>Already a member of {group}</source>
        <translation>Jest już członkiem grupy {group}</translation>
    </message>
    <message>
        <source>Not a member of {group}</source>
        <translation>Nie jest członkiem grupy {group}</translation>
    </message>
    <message>
        <source>Gets {packages} through the group {group}</source>
        <translation>Dostanie {packages} przez grupę {group}</translation>
    </message>
    <message>
        <source>Loses {packages}, which the group {group} gives</source>
        <translation>Straci {packages}, które daje grupa {group}</translation>
    </message>
    <message>
        <source>Nested groups {groups} pass nothing on: their members get nothing from it</source>
        <translation>Zagnieżdżone grupy {groups} niczego nie przekazują: ich członkowie nic z niej nie dostaną</translation>
    </message>
    <message>
        <source>Direct {package} kept: the group&apos;s copy ({group}) is not active for the user or turns on fewer apps</source>
        <translation>Bezpośrednia licencja {package} zostaje: kopia z grupy ({group}) nie jest aktywna dla użytkownika albo włącza mniej aplikacji</translation>
    </message>
    <message>
        <source>Add licenses</source>
        <translation>Przypisanie licencji</translation>
    </message>
    <message>
        <source>Reassign a license</source>
        <translation>Zmiana licencji</translation>
    </message>
    <message>
        <source>Remove licenses</source>
        <translation>Usunięcie usługi</translation>
    </message>
    <message>
        <source>Change apps in a license</source>
        <translation>Zmiana aplikacji w licencji</translation>
    </message>
    <message>
        <source>Set usage location</source>
        <translation>Ustawienie lokalizacji użycia</translation>
    </message>
    <message>
        <source>Change sign-in</source>
        <translation>Blokada lub odblokowanie logowania</translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation>Utworzenie użytkownika</translation>
    </message>
    <message>
        <source>Copy licenses</source>
        <translation>Kopiowanie licencji</translation>
    </message>
    <message>
        <source>Changes from a plan file</source>
        <translation>Zmiany z pliku planu</translation>
    </message>
    <message>
        <source>Undo an earlier change</source>
        <translation>Cofnięcie wcześniejszej zmiany</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Zmiany</translation>
    </message>
    <message>
        <source>Process group licenses again</source>
        <translation>Ponowne przetwarzanie licencji z grup</translation>
    </message>
    <message>
        <source>Add to a group</source>
        <translation>Dodaj do grupy</translation>
    </message>
    <message>
        <source>Remove from a group</source>
        <translation>Usuń z grupy</translation>
    </message>
    <message>
        <source>License a group</source>
        <translation>Licencja dla grupy</translation>
    </message>
    <message>
        <source>Change apps in a group&apos;s license</source>
        <translation>Zmiana aplikacji w licencji grupy</translation>
    </message>
    <message>
        <source>Remove a license from a group</source>
        <translation>Usunięcie licencji z grupy</translation>
    </message>
    <message>
        <source>Remove direct licenses a group gives</source>
        <translation>Usunięcie licencji bezpośrednich, które daje grupa</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wykonano</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nie powiodło się</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Pominięto</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nie rozpoczęto</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Wykonano częściowo</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Niepotwierdzone</translation>
    </message>
    <message>
        <source>Nothing of the earlier change is left to restore</source>
        <translation>Z wcześniejszej zmiany nie zostało nic do przywrócenia</translation>
    </message>
    <message>
        <source>{change}: done</source>
        <translation>{change}: wykonano</translation>
    </message>
    <message>
        <source>{change}: failed ({reason})</source>
        <translation>{change}: nie udało się ({reason})</translation>
    </message>
    <message>
        <source>{change}: not confirmed (the answer was lost)</source>
        <translation>{change}: niepotwierdzone (odpowiedź zaginęła)</translation>
    </message>
    <message>
        <source>{change}: not sent</source>
        <translation>{change}: nie wysłano</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Utwórz użytkownika</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Cofnij</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Zastosuj zmiany</translation>
    </message>
</context>
<context>
    <name>PreviewButtons</name>
    <message>
        <source>Preview…</source>
        <translation>Podgląd…</translation>
    </message>
</context>
<context>
    <name>PricesModel</name>
    <message>
        <source>Package</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Monthly price</source>
        <translation>Cena miesięczna</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Waluta</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>brak ceny</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Starting…</source>
        <translation>Rozpoczynanie…</translation>
    </message>
    <message numerus="yes">
        <source>{finished} of %Ln users</source>
        <translation>
            <numerusform>{finished} z %Ln użytkownika</numerusform>
            <numerusform>{finished} z %Ln użytkowników</numerusform>
            <numerusform>{finished} z %Ln użytkowników</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>wykonano: %Ln</numerusform>
            <numerusform>wykonano: %Ln</numerusform>
            <numerusform>wykonano: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>błędy: %Ln</numerusform>
            <numerusform>błędy: %Ln</numerusform>
            <numerusform>błędy: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need nothing</source>
        <translation>
            <numerusform>bez zmian: %Ln</numerusform>
            <numerusform>bez zmian: %Ln</numerusform>
            <numerusform>bez zmian: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the users already sent…</source>
        <translation>Zatrzymywanie po obsłużeniu już wysłanych użytkowników…</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign license</source>
        <translation>Zmień licencję</translation>
    </message>
    <message>
        <source>{package} (held by {n})</source>
        <translation>{package} (przypisano: {n})</translation>
    </message>
    <message>
        <source>Each user gets the new package and loses the old one in the same step.</source>
        <translation>Każdy użytkownik otrzyma nową licencję i straci starą w jednym kroku.</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>Zamień:</translation>
    </message>
    <message>
        <source>With:</source>
        <translation>Na:</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove license</source>
        <translation>Usuń usługę</translation>
    </message>
    <message>
        <source>Remove these packages from the ticked users:</source>
        <translation>Odbierz zaznaczonym użytkownikom te licencje:</translation>
    </message>
    <message>
        <source>{package} (held by {n})</source>
        <translation>{package} (przypisano: {n})</translation>
    </message>
    <message>
        <source>When a user loses their last license that includes Exchange, Microsoft deletes their mailbox data 30 days later.</source>
        <translation>Gdy użytkownik traci ostatnią licencję z usługą Exchange, Microsoft usuwa dane jego skrzynki pocztowej po 30 dniach.</translation>
    </message>
    <message numerus="yes">
        <source>Also remove the users from the %n group(s) that give it: {groups}</source>
        <translation>
            <numerusform>Usuń też użytkowników z %n grupy, która ją daje: {groups}</numerusform>
            <numerusform>Usuń też użytkowników z %n grup, które ją dają: {groups}</numerusform>
            <numerusform>Usuń też użytkowników z %n grup, które ją dają: {groups}</numerusform>
        </translation>
    </message>
    <message>
        <source>A license that comes from a group can only be taken away by removing the user from the group. The preview shows what else the group takes away; undo adds them back to it.</source>
        <translation>Licencję z grupy można odebrać tylko, usuwając użytkownika z grupy. Podgląd pokaże, co jeszcze odbierze grupa; cofnięcie doda użytkowników z powrotem.</translation>
    </message>
</context>
<context>
    <name>RemoveMembersDialog</name>
    <message>
        <source>Remove members</source>
        <translation>Usuń członków</translation>
    </message>
    <message>
        <source>Tick the members to remove from {group}. They lose the licenses only this group gives them; the preview says which.</source>
        <translation>Zaznacz członków do usunięcia z grupy {group}. Tracą licencje, które daje im tylko ta grupa; podgląd pokaże które.</translation>
    </message>
    <message>
        <source>Search members by name or user name</source>
        <translation>Szukaj członków po nazwie lub nazwie użytkownika</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Results</source>
        <translation>Wyniki</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Użytkownik</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Ponów nieudane</translation>
    </message>
    <message>
        <source>Revert what happened…</source>
        <translation>Cofnij to, co się wykonało…</translation>
    </message>
    <message>
        <source>Undo the part that went through for the users only partly done</source>
        <translation>Cofnij wykonaną część zmiany u użytkowników zmienionych tylko częściowo</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Kopiuj raport</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left as it was (see Details)</source>
        <translation>
            <numerusform>pozostawione bez zmian: %Ln (zob. Szczegóły)</numerusform>
            <numerusform>pozostawione bez zmian: %Ln (zob. Szczegóły)</numerusform>
            <numerusform>pozostawione bez zmian: %Ln (zob. Szczegóły)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunDetailsDialog</name>
    <message>
        <source>Change in the history</source>
        <translation>Zmiana w historii</translation>
    </message>
    <message>
        <source>{change} · {when}</source>
        <translation>{change} · {when}</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Użytkownik</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nazwa użytkownika</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Sent; Microsoft&apos;s answer did not arrive</source>
        <translation>Wysłano; odpowiedź Microsoftu nie dotarła</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nie wysłano</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>Save as license template</source>
        <translation>Zapisz jako szablon licencji</translation>
    </message>
    <message>
        <source>e.g. Sales – Business Standard without Bookings, PL</source>
        <translation>np. Sprzedaż – Business Standard bez Bookings, PL</translation>
    </message>
    <message>
        <source>Replace the template of that name</source>
        <translation>Zastąp szablon o tej nazwie</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nazwa:</translation>
    </message>
    <message>
        <source>For department:</source>
        <translation>Dla działu:</translation>
    </message>
    <message>
        <source>Usage location:</source>
        <translation>Lokalizacja użycia:</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Nadaj szablonowi nazwę.</translation>
    </message>
    <message>
        <source>A template of that name exists: choose another name or replace it.</source>
        <translation>Szablon o tej nazwie już istnieje: wybierz inną nazwę albo go zastąp.</translation>
    </message>
</context>
<context>
    <name>ScopeConsent</name>
    <message>
        <source>Permission needed</source>
        <translation>Wymagane uprawnienia</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj się</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Oczekiwanie na logowanie w przeglądarce…</translation>
    </message>
    <message>
        <source>Finish signing in in your browser, or cancel.</source>
        <translation>Dokończ logowanie w przeglądarce albo anuluj.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Jak w systemie ({language})</translation>
    </message>
    <message>
        <source>The new language applies the next time License Desk starts.</source>
        <translation>Nowy język zostanie użyty przy następnym uruchomieniu License Desk.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Finish signing in in your web browser. This window waits for it.</source>
        <translation>Dokończ logowanie w przeglądarce internetowej. To okno zaczeka.</translation>
    </message>
    <message>
        <source>Asking Microsoft for a sign-in code…</source>
        <translation>Pobieranie kodu logowania od Microsoft…</translation>
    </message>
    <message>
        <source>Sign in for this session only</source>
        <translation>Zaloguj się tylko na tę sesję</translation>
    </message>
    <message>
        <source>License Desk never writes your sign-in to a plain file. If you continue, you stay signed in until License Desk closes, and a warning shows meanwhile.</source>
        <translation>License Desk nigdy nie zapisuje logowania w zwykłym pliku. Jeśli przejdziesz dalej, logowanie pozostanie aktywne do zamknięcia License Desk, a do tego czasu będzie widoczne ostrzeżenie.</translation>
    </message>
</context>
<context>
    <name>SignInOptionsDialog</name>
    <message>
        <source>Sign-in options</source>
        <translation>Opcje logowania</translation>
    </message>
    <message>
        <source>License Desk signs in as Microsoft Graph PowerShell unless your organisation uses its own app registration. Changes apply to the next sign-in.</source>
        <translation>License Desk loguje się jako Microsoft Graph PowerShell, chyba że Twoja organizacja używa własnej rejestracji aplikacji. Zmiany obowiązują od następnego logowania.</translation>
    </message>
    <message>
        <source>{id} (default)</source>
        <translation>{id} (domyślnie)</translation>
    </message>
    <message>
        <source>Chosen when you sign in (default)</source>
        <translation>Wybierana podczas logowania (domyślnie)</translation>
    </message>
    <message>
        <source>Find the application (client) ID in the Microsoft Entra admin center: Applications › App registrations › your app › Overview. The app needs the “Mobile and desktop applications” platform with the redirect URI http://localhost, and “Allow public client flows” for sign-in with a code.
The tenant is optional: your organisation&apos;s domain (contoso.onmicrosoft.com) or its tenant ID.</source>
        <translation>Identyfikator aplikacji (klienta) znajdziesz w centrum administracyjnym Microsoft Entra: Aplikacje › Rejestracje aplikacji › Twoja aplikacja › Przegląd. Aplikacja wymaga platformy „Aplikacje mobilne i klasyczne” z identyfikatorem URI przekierowania http://localhost oraz opcji „Zezwalaj na przepływy klientów publicznych” do logowania kodem.
Dzierżawa jest opcjonalna: domena Twojej organizacji (contoso.onmicrosoft.com) lub identyfikator dzierżawy.</translation>
    </message>
    <message>
        <source>Application (client) ID:</source>
        <translation>Identyfikator aplikacji (klienta):</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Dzierżawa:</translation>
    </message>
    <message>
        <source>Use defaults</source>
        <translation>Użyj ustawień domyślnych</translation>
    </message>
    <message>
        <source>The application (client) ID is a GUID such as 00000000-0000-0000-0000-000000000000. Copy it from the app&apos;s Overview page.</source>
        <translation>Identyfikator aplikacji (klienta) to identyfikator GUID, np. 00000000-0000-0000-0000-000000000000. Skopiuj go ze strony Przegląd aplikacji.</translation>
    </message>
    <message>
        <source>The tenant is a domain such as contoso.onmicrosoft.com or a tenant ID. Leave it empty to choose when you sign in.</source>
        <translation>Dzierżawa to domena, np. contoso.onmicrosoft.com, lub identyfikator dzierżawy. Pozostaw puste, aby wybrać ją podczas logowania.</translation>
    </message>
</context>
<context>
    <name>SkuModel</name>
    <message>
        <source>License package</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Przypisane</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Łącznie</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Wolne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <source>Warning: renew soon</source>
        <translation>Ostrzeżenie: wkrótce odnów</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Zawieszona</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Usunięta</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Zablokowana</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Looking for a saved sign-in…</source>
        <translation>Wyszukiwanie zapisanego logowania…</translation>
    </message>
    <message>
        <source>Starting the demo tenant…</source>
        <translation>Uruchamianie dzierżawy demonstracyjnej…</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring cannot keep your sign-in ({reason}). You can still sign in for this session only; License Desk will ask first.</source>
        <translation>Magazyn poświadczeń tego komputera nie może przechować logowania ({reason}). Nadal możesz się zalogować; po zamknięciu License Desk trzeba będzie zalogować się ponownie.</translation>
    </message>
    <message>
        <source>Reset demo tenant</source>
        <translation>Przywróć dzierżawę demonstracyjną</translation>
    </message>
    <message>
        <source>Put the demo tenant back as it was at the start?</source>
        <translation>Przywrócić dzierżawę demonstracyjną do stanu początkowego?</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Przywróć</translation>
    </message>
    <message>
        <source>Every change made in the demo is lost. Real tenants are never affected.</source>
        <translation>Wszystkie zmiany wprowadzone w dzierżawie demonstracyjnej zostaną utracone. Prawdziwe dzierżawy pozostają nienaruszone.</translation>
    </message>
</context>
<context>
    <name>TemplateCombo</name>
    <message>
        <source>No template</source>
        <translation>Bez szablonu</translation>
    </message>
</context>
<context>
    <name>TemplateCommands</name>
    <message>
        <source>License templates</source>
        <translation>Szablony licencji</translation>
    </message>
    <message>
        <source>The saved license templates could not be read. Move the file aside to start afresh, or restore it from a backup.</source>
        <translation>Nie udało się odczytać zapisanych szablonów licencji. Przenieś plik w inne miejsce, aby zacząć od nowa, albo przywróć go z kopii zapasowej.</translation>
    </message>
    <message>
        <source>{user} has no licenses to save.</source>
        <translation>{user} nie ma licencji do zapisania.</translation>
    </message>
    <message>
        <source>Saved the license template “{name}”.</source>
        <translation>Zapisano szablon licencji „{name}”.</translation>
    </message>
    <message>
        <source>Two templates are for the same department: keep one per department for the drift check (Tools › License templates…).</source>
        <translation>Dwa szablony są dla tego samego działu: do sprawdzania odstępstw zostaw jeden na dział (Narzędzia › Szablony licencji…).</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>This tenant has no {packages}: the preview shows it as a problem.</source>
        <translation>Ta dzierżawa nie ma {packages}: podgląd pokaże to jako problem.</translation>
    </message>
    <message>
        <source>Once the account exists, a second preview adds it to the template&apos;s groups ({groups}).</source>
        <translation>Gdy konto już powstanie, drugi podgląd doda je do grup szablonu ({groups}).</translation>
    </message>
    <message>
        <source>{package}, without {apps}</source>
        <translation>{package}, bez {apps}</translation>
    </message>
    <message>
        <source>Usage location: {code}</source>
        <translation>Lokalizacja użycia: {code}</translation>
    </message>
    <message>
        <source>For department: {name}</source>
        <translation>Dla działu: {name}</translation>
    </message>
    <message>
        <source>Groups: {names}</source>
        <translation>Grupy: {names}</translation>
    </message>
    <message>
        <source>lacks {packages}</source>
        <translation>brak {packages}</translation>
    </message>
    <message>
        <source>other apps in {packages}</source>
        <translation>inne aplikacje w {packages}</translation>
    </message>
    <message>
        <source>also has {packages}</source>
        <translation>ma też {packages}</translation>
    </message>
    <message>
        <source>usage location {now}, not {wanted}</source>
        <translation>lokalizacja użycia {now}, a nie {wanted}</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>License templates</source>
        <translation>Szablony licencji</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Zmień nazwę…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportuj…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importuj…</translation>
    </message>
    <message>
        <source>No templates yet: right-click a user and choose Save licenses as template…, or import one.</source>
        <translation>Nie ma jeszcze szablonów: kliknij użytkownika prawym przyciskiem i wybierz Zapisz licencje jako szablon… albo zaimportuj szablon.</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>Zmień nazwę szablonu</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nowa nazwa:</translation>
    </message>
    <message>
        <source>That name is empty or taken by another template: choose another.</source>
        <translation>Ta nazwa jest pusta albo zajęta przez inny szablon: wybierz inną.</translation>
    </message>
    <message>
        <source>Renamed to “{name}”.</source>
        <translation>Zmieniono nazwę na „{name}”.</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Usuń szablon</translation>
    </message>
    <message>
        <source>Delete the template “{name}”? Users keep their licenses.</source>
        <translation>Usunąć szablon „{name}”? Użytkownicy zachowają swoje licencje.</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>Usunięto „{name}”.</translation>
    </message>
    <message>
        <source>License templates (*.json)</source>
        <translation>Szablony licencji (*.json)</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>Eksportuj szablon</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>Importuj szablon</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Nie udało się zapisać pliku: {reason}</translation>
    </message>
    <message>
        <source>Exported “{name}” to {file}.</source>
        <translation>Wyeksportowano „{name}” do {file}.</translation>
    </message>
    <message>
        <source>A template of that name exists: rename or delete it first, then import again.</source>
        <translation>Szablon o tej nazwie już istnieje: najpierw zmień jego nazwę albo go usuń, potem zaimportuj ponownie.</translation>
    </message>
    <message>
        <source>This file is not a License Desk template that can be read. Details: {reason}</source>
        <translation>Ten plik nie jest szablonem License Desk, który da się odczytać. Szczegóły: {reason}</translation>
    </message>
    <message>
        <source>Imported “{name}”.</source>
        <translation>Zaimportowano „{name}”.</translation>
    </message>
</context>
<context>
    <name>TenantHeader</name>
    <message>
        <source>Demo tenant</source>
        <translation>Dzierżawa demonstracyjna</translation>
    </message>
    <message>
        <source>Built-in practice tenant on this computer: nothing here touches Microsoft 365</source>
        <translation>Wbudowana dzierżawa do ćwiczeń na tym komputerze: nic tutaj nie wpływa na Microsoft 365</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
</context>
<context>
    <name>TenantPage</name>
    <message>
        <source>Users</source>
        <translation>Użytkownicy</translation>
    </message>
    <message>
        <source>Licensed groups</source>
        <translation>Grupy licencyjne</translation>
    </message>
</context>
<context>
    <name>TenantsCoordinator</name>
    <message>
        <source>All tenants</source>
        <translation>Wszystkie dzierżawy</translation>
    </message>
    <message>
        <source>Show my customers…</source>
        <translation>Pokaż moich klientów…</translation>
    </message>
    <message>
        <source>List the customers&apos; tenants your organisation manages as their partner</source>
        <translation>Wyświetl dzierżawy klientów, którymi Twoja organizacja zarządza jako ich partner</translation>
    </message>
    <message>
        <source>Billing audit…</source>
        <translation>Audyt rozliczeń…</translation>
    </message>
    <message>
        <source>To show your customers&apos; tenants on one page, License Desk needs permission to list your delegated admin relationships and to read sign-in activity, usage reports and subscriptions in each tenant. Sign in again in your browser to grant it?</source>
        <translation>Aby pokazać dzierżawy Twoich klientów na jednej stronie, License Desk potrzebuje uprawnień do wyświetlenia Twoich relacji delegowanej administracji oraz do odczytu aktywności logowania, raportów użycia i subskrypcji w każdej dzierżawie. Zalogować się ponownie w przeglądarce, aby je przyznać?</translation>
    </message>
    <message>
        <source>Customers are listed when your organisation manages them as their partner (granular delegated admin privileges). An administrator may have to approve the permission.</source>
        <translation>Klienci są wyświetlani, gdy Twoja organizacja zarządza nimi jako ich partner (szczegółowe delegowane uprawnienia administratora, GDAP). Może być potrzebna zgoda administratora.</translation>
    </message>
    <message>
        <source>No customers&apos; tenants were found for {tenant}.</source>
        <translation>Nie znaleziono dzierżaw klientów dla {tenant}.</translation>
    </message>
    <message>
        <source>Customers are listed when your organisation manages them as their partner (granular delegated admin privileges) and your account may read those relationships.</source>
        <translation>Klienci są wyświetlani, gdy Twoja organizacja zarządza nimi jako ich partner (szczegółowe delegowane uprawnienia administratora, GDAP), a Twoje konto może odczytać te relacje.</translation>
    </message>
    <message>
        <source>No customers</source>
        <translation>Brak klientów</translation>
    </message>
    <message>
        <source>All tenants — License Desk</source>
        <translation>Wszystkie dzierżawy — License Desk</translation>
    </message>
    <message>
        <source>Opening {tenant}…</source>
        <translation>Otwieranie: {tenant}…</translation>
    </message>
    <message>
        <source>Export tenants</source>
        <translation>Eksport dzierżaw</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>Billing audit</source>
        <translation>Audyt rozliczeń</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Skoroszyty Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Preparing the billing audit…</source>
        <translation>Przygotowywanie audytu rozliczeń…</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Zapisano {path}</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln CSV files beside it</source>
        <translation>
            <numerusform>i %Ln plik CSV obok</numerusform>
            <numerusform>i %Ln pliki CSV obok</numerusform>
            <numerusform>i %Ln plików CSV obok</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenantsHome</name>
    <message>
        <source>Tenants</source>
        <translation>Dzierżawy</translation>
    </message>
    <message>
        <source>Filter by name or tenant id</source>
        <translation>Filtruj po nazwie lub identyfikatorze dzierżawy</translation>
    </message>
    <message>
        <source>Only tenants that need action</source>
        <translation>Tylko dzierżawy wymagające działania</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportuj…</translation>
    </message>
    <message>
        <source>Billing audit…</source>
        <translation>Audyt rozliczeń…</translation>
    </message>
    <message>
        <source>Open tenant</source>
        <translation>Otwórz dzierżawę</translation>
    </message>
    <message>
        <source>Shows only the tenants whose name or id contains this</source>
        <translation>Pokazuje tylko dzierżawy, których nazwa lub identyfikator zawiera ten tekst</translation>
    </message>
    <message>
        <source>Shows only the tenants out of seats, with assignment errors, a subscription in grace, much waste, or that could not be read</source>
        <translation>Pokazuje tylko dzierżawy bez wolnych miejsc, z błędami przypisań, z subskrypcją w okresie prolongaty, z dużym marnotrawstwem lub takie, których nie udało się odczytać</translation>
    </message>
    <message>
        <source>Reads every tenant again</source>
        <translation>Odczytuje ponownie każdą dzierżawę</translation>
    </message>
    <message>
        <source>Saves the rows shown to a CSV file</source>
        <translation>Zapisuje widoczne wiersze do pliku CSV</translation>
    </message>
    <message>
        <source>Writes the monthly billing audit: a workbook and a CSV file per tenant</source>
        <translation>Zapisuje miesięczny audyt rozliczeń: skoroszyt i plik CSV dla każdej dzierżawy</translation>
    </message>
    <message>
        <source>Opens the selected tenant (Enter or a double click opens it too)</source>
        <translation>Otwiera zaznaczoną dzierżawę (otwiera ją też Enter lub dwukrotne kliknięcie)</translation>
    </message>
    <message>
        <source>One row per tenant: seats, waste, assignment errors, renewals and what needs action; Enter opens the tenant</source>
        <translation>Jeden wiersz na dzierżawę: miejsca, marnotrawstwo, błędy przypisań, odnowienia i co wymaga działania; Enter otwiera dzierżawę</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln tenants…</source>
        <translation>
            <numerusform>Odczyt %Ln dzierżawy…</numerusform>
            <numerusform>Odczyt %Ln dzierżaw…</numerusform>
            <numerusform>Odczyt %Ln dzierżaw…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tenants</source>
        <translation>
            <numerusform>%Ln dzierżawa</numerusform>
            <numerusform>%Ln dzierżawy</numerusform>
            <numerusform>%Ln dzierżaw</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need action</source>
        <translation>
            <numerusform>%Ln wymaga działania</numerusform>
            <numerusform>%Ln wymagają działania</numerusform>
            <numerusform>%Ln wymaga działania</numerusform>
        </translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Dzierżawa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>Wymaga działania</translation>
    </message>
    <message>
        <source>Seats used / bought</source>
        <translation>Miejsca zajęte / kupione</translation>
    </message>
    <message>
        <source>Waste / month</source>
        <translation>Marnotrawstwo / miesiąc</translation>
    </message>
    <message>
        <source>Cost / month</source>
        <translation>Koszt / miesiąc</translation>
    </message>
    <message>
        <source>Assignment errors</source>
        <translation>Błędy przypisań</translation>
    </message>
    <message>
        <source>Renewals and grace (30 days)</source>
        <translation>Odnowienia i okres prolongaty (30 dni)</translation>
    </message>
    <message>
        <source>Last refreshed</source>
        <translation>Ostatnio odświeżono</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Brak dostępu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>brak dostępu</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>nie udało się odczytać</translation>
    </message>
    <message>
        <source>out of seats</source>
        <translation>brak wolnych miejsc</translation>
    </message>
    <message>
        <source>assignment errors</source>
        <translation>błędy przypisań</translation>
    </message>
    <message>
        <source>subscription in grace</source>
        <translation>subskrypcja w okresie prolongaty</translation>
    </message>
    <message>
        <source>much waste</source>
        <translation>duże marnotrawstwo</translation>
    </message>
    <message>
        <source>roles do not allow license changes</source>
        <translation>role nie pozwalają zmieniać licencji</translation>
    </message>
    <message>
        <source>Microsoft 365 Business</source>
        <translation>Microsoft 365 Business</translation>
    </message>
    <message>
        <source>Microsoft 365 Enterprise</source>
        <translation>Microsoft 365 Enterprise</translation>
    </message>
    <message>
        <source>Office 365 Enterprise</source>
        <translation>Office 365 Enterprise</translation>
    </message>
    <message>
        <source>Exchange Online</source>
        <translation>Exchange Online</translation>
    </message>
    <message>
        <source>Power Platform</source>
        <translation>Power Platform</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Visio and Project</source>
        <translation>Visio i Project</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Inne</translation>
    </message>
    <message>
        <source>{family}: {used} of {total} ({free} free)</source>
        <translation>{family}: {used} z {total} (wolne: {free})</translation>
    </message>
    <message>
        <source>{package} grace ends {date}</source>
        <translation>{package}: prolongata do {date}</translation>
    </message>
    <message>
        <source>{package} renews {date}</source>
        <translation>{package}: odnowienie {date}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Seats over time</source>
        <translation>Licencje w czasie</translation>
    </message>
    <message>
        <source>No history yet</source>
        <translation>Brak historii</translation>
    </message>
    <message>
        <source>From {start} to {end}: assigned {before} → {after} of {total}</source>
        <translation>Od {start} do {end}: przypisane {before} → {after} z {total}</translation>
    </message>
</context>
<context>
    <name>UsageLocationDialog</name>
    <message>
        <source>Set usage location</source>
        <translation>Ustaw lokalizację użycia</translation>
    </message>
    <message numerus="yes">
        <source>Microsoft needs a usage location before it assigns licenses, and some apps are not offered in every country. Set it for %Ln users to:</source>
        <translation>
            <numerusform>Microsoft wymaga lokalizacji użycia przed przypisaniem licencji, a niektóre aplikacje nie są dostępne we wszystkich krajach. Ustaw ją dla %Ln użytkownika na:</numerusform>
            <numerusform>Microsoft wymaga lokalizacji użycia przed przypisaniem licencji, a niektóre aplikacje nie są dostępne we wszystkich krajach. Ustaw ją dla %Ln użytkowników na:</numerusform>
            <numerusform>Microsoft wymaga lokalizacji użycia przed przypisaniem licencji, a niektóre aplikacje nie są dostępne we wszystkich krajach. Ustaw ją dla %Ln użytkowników na:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserActions</name>
    <message>
        <source>Add licenses…</source>
        <translation>Przypisz licencję…</translation>
    </message>
    <message>
        <source>Give the ticked users one or more license packages</source>
        <translation>Przypisz zaznaczonym użytkownikom jedną lub więcej licencji</translation>
    </message>
    <message>
        <source>Reassign license…</source>
        <translation>Zmień licencję…</translation>
    </message>
    <message>
        <source>Swap one package for another, without leaving anyone unlicensed in between</source>
        <translation>Zamień jedną licencję na inną, nie pozostawiając nikogo nawet na chwilę bez licencji</translation>
    </message>
    <message>
        <source>Remove license…</source>
        <translation>Usuń usługę…</translation>
    </message>
    <message>
        <source>Remove a package from the ticked users (Remove service)</source>
        <translation>Odbierz zaznaczonym użytkownikom licencję</translation>
    </message>
    <message>
        <source>Apps in license…</source>
        <translation>Aplikacje w licencji…</translation>
    </message>
    <message>
        <source>Turn individual apps of a package on or off</source>
        <translation>Włącz lub wyłącz poszczególne aplikacje w licencji</translation>
    </message>
    <message>
        <source>Set usage location…</source>
        <translation>Ustaw lokalizację użycia…</translation>
    </message>
    <message>
        <source>Set the country where the ticked users use their licenses</source>
        <translation>Ustaw kraj, w którym zaznaczeni użytkownicy korzystają z licencji</translation>
    </message>
    <message>
        <source>Activate user</source>
        <translation>Aktywuj użytkownika</translation>
    </message>
    <message>
        <source>Allow the ticked users to sign in</source>
        <translation>Zezwól zaznaczonym użytkownikom na logowanie</translation>
    </message>
    <message>
        <source>Block sign-in</source>
        <translation>Zablokuj logowanie</translation>
    </message>
    <message>
        <source>Stop the ticked users from signing in</source>
        <translation>Uniemożliw zaznaczonym użytkownikom logowanie</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nowy użytkownik…</translation>
    </message>
    <message>
        <source>Create a user, optionally with licenses</source>
        <translation>Utwórz użytkownika, opcjonalnie z licencjami</translation>
    </message>
    <message>
        <source>Copy licenses from…</source>
        <translation>Kopiuj licencje od…</translation>
    </message>
    <message>
        <source>Give the ticked users the same licenses as another user</source>
        <translation>Przypisz zaznaczonym użytkownikom te same licencje, które ma inny użytkownik</translation>
    </message>
    <message>
        <source>Save licenses as template…</source>
        <translation>Zapisz licencje jako szablon…</translation>
    </message>
    <message>
        <source>Save the ticked user&apos;s licenses, apps and usage location as a license template</source>
        <translation>Zapisz licencje, aplikacje i lokalizację użycia zaznaczonego użytkownika jako szablon licencji</translation>
    </message>
    <message>
        <source>License templates…</source>
        <translation>Szablony licencji…</translation>
    </message>
    <message>
        <source>The saved license templates: rename, delete, export to share, import</source>
        <translation>Zapisane szablony licencji: zmiana nazwy, usuwanie, eksport do udostępnienia, import</translation>
    </message>
    <message>
        <source>Template drift…</source>
        <translation>Odstępstwa od szablonów…</translation>
    </message>
    <message>
        <source>Users whose licenses differ from their department&apos;s template, and the change that aligns them</source>
        <translation>Użytkownicy, których licencje różnią się od szablonu ich działu, i zmiana, która ich wyrówna</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <source>Bring users and packages up to date with Microsoft 365 (only what changed)</source>
        <translation>Uaktualnij użytkowników i licencje z Microsoft 365 (tylko to, co się zmieniło)</translation>
    </message>
    <message>
        <source>Reload everything</source>
        <translation>Wczytaj wszystko ponownie</translation>
    </message>
    <message>
        <source>Read every user and package again from Microsoft 365, not only the changes</source>
        <translation>Wczytaj ponownie wszystkich użytkowników i licencje z Microsoft 365, nie tylko zmiany</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksportuj CSV…</translation>
    </message>
    <message>
        <source>Save the users shown to a CSV file</source>
        <translation>Zapisz widocznych użytkowników w pliku CSV</translation>
    </message>
    <message>
        <source>Import plan CSV…</source>
        <translation>Importuj plan CSV…</translation>
    </message>
    <message>
        <source>Apply changes listed in a CSV file, after a preview</source>
        <translation>Zastosuj zmiany wymienione w pliku CSV, po ich podglądzie</translation>
    </message>
    <message>
        <source>Import people…</source>
        <translation>Importuj osoby…</translation>
    </message>
    <message>
        <source>Add people who are not in Microsoft 365 yet from a CSV or Excel file</source>
        <translation>Dodaj z pliku CSV lub Excel osoby, których jeszcze nie ma w Microsoft 365</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Usuń z listy</translation>
    </message>
    <message>
        <source>Take the ticked people who are not activated off the list of people</source>
        <translation>Usuń zaznaczone nieaktywowane osoby z listy osób</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historia…</translation>
    </message>
    <message>
        <source>Earlier changes, with Undo and Resume</source>
        <translation>Wcześniejsze zmiany, z możliwością cofnięcia i wznowienia</translation>
    </message>
    <message>
        <source>Insight…</source>
        <translation>Analiza licencji…</translation>
    </message>
    <message>
        <source>Licenses held but not used, what they cost, and what renews when</source>
        <translation>Licencje przypisane, ale nieużywane, ich koszt i terminy odnowień</translation>
    </message>
    <message>
        <source>Find user</source>
        <translation>Znajdź użytkownika</translation>
    </message>
    <message>
        <source>Jump to the search box</source>
        <translation>Przejdź do pola wyszukiwania</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>Zaznacz wszystkich widocznych</translation>
    </message>
    <message>
        <source>Tick every user the filter shows</source>
        <translation>Zaznacz wszystkich użytkowników widocznych po filtrowaniu</translation>
    </message>
    <message>
        <source>Clear ticks</source>
        <translation>Wyczyść zaznaczenie</translation>
    </message>
    <message>
        <source>Untick every user</source>
        <translation>Usuń zaznaczenie wszystkich użytkowników</translation>
    </message>
    <message>
        <source>Not available: the ticked people are not in Microsoft 365 yet, so there is no account to block.</source>
        <translation>Niedostępne: zaznaczonych osób nie ma jeszcze w Microsoft 365, więc nie ma konta do zablokowania.</translation>
    </message>
    <message>
        <source>Not available: only people who are not activated can be taken off the list; no ticked row is one.</source>
        <translation>Niedostępne: z listy można usunąć tylko osoby nieaktywowane, a żaden zaznaczony wiersz nią nie jest.</translation>
    </message>
    <message>
        <source>Not available: the ticked people are not in Microsoft 365 yet and hold no license. Add licenses creates their accounts with the licenses.</source>
        <translation>Niedostępne: zaznaczonych osób nie ma jeszcze w Microsoft 365 i nie mają licencji. Przypisz licencję utworzy ich konta z licencjami.</translation>
    </message>
    <message>
        <source>Not available: the licenses of the ticked users come from the group {group}. Remove license… can take the users out of the group; the group&apos;s licenses are changed on the Licensed groups page.</source>
        <translation>Niedostępne: licencje zaznaczonych użytkowników pochodzą z grupy {group}. Usuń usługę… może wypisać użytkowników z grupy; licencje grupy zmienisz na stronie Grupy licencyjne.</translation>
    </message>
    <message>
        <source>Not available: the licenses of the ticked users come from groups ({groups}). Remove license… can take the users out of the groups; the groups&apos; licenses are changed on the Licensed groups page.</source>
        <translation>Niedostępne: licencje zaznaczonych użytkowników pochodzą z grup ({groups}). Usuń usługę… może wypisać użytkowników z grup; licencje grup zmienisz na stronie Grupy licencyjne.</translation>
    </message>
</context>
<context>
    <name>UserCreatedDialog</name>
    <message>
        <source>User created</source>
        <translation>Utworzono użytkownika</translation>
    </message>
    <message>
        <source>&lt;b&gt;{upn}&lt;/b&gt; was created.</source>
        <translation>Utworzono użytkownika &lt;b&gt;{upn}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Hasło tymczasowe:</translation>
    </message>
    <message>
        <source>This is the only time the password is shown; License Desk does not keep it. Give it to the person through a safe channel.</source>
        <translation>Hasło jest wyświetlane tylko ten jeden raz; License Desk go nie przechowuje. Przekaż je tej osobie bezpiecznym kanałem.</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nazwa wyświetlana</translation>
    </message>
    <message>
        <source>User name (UPN)</source>
        <translation>Nazwa użytkownika (UPN)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Licencje</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokalizacja</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
    <message>
        <source>Tick users to act on them (Ctrl+A ticks every user shown)</source>
        <translation>Zaznacz użytkowników, aby wykonać na nich akcje (Ctrl+A zaznacza wszystkich widocznych)</translation>
    </message>
    <message>
        <source>Actions for the user</source>
        <translation>Akcje dla użytkownika</translation>
    </message>
    <message>
        <source>Usage location: the country where the user&apos;s licenses are used</source>
        <translation>Lokalizacja użycia: kraj, w którym użytkownik korzysta z licencji</translation>
    </message>
    <message>
        <source>No licenses</source>
        <translation>Brak licencji</translation>
    </message>
    <message>
        <source>Not in Microsoft 365 yet: the user name shown is the one proposed</source>
        <translation>Jeszcze nie ma konta w Microsoft 365: pokazana nazwa użytkownika jest proponowana</translation>
    </message>
    <message>
        <source>Sign-in allowed</source>
        <translation>Logowanie dozwolone</translation>
    </message>
    <message>
        <source>Sign-in blocked</source>
        <translation>Logowanie zablokowane</translation>
    </message>
    <message>
        <source>Synced from on-premises Active Directory: the next sync sets sign-in back to what the on-premises account says</source>
        <translation>Synchronizowany z lokalnej usługi Active Directory: następna synchronizacja przywróci logowanie do stanu z konta lokalnego</translation>
    </message>
    <message>
        <source>No usage location: set one before assigning licenses</source>
        <translation>Brak lokalizacji użycia: ustaw ją przed przypisaniem licencji</translation>
    </message>
    <message>
        <source>Actions for {name}</source>
        <translation>Akcje: {name}</translation>
    </message>
    <message>
        <source>Synced from on-premises Active Directory: the name, user name and department are changed there (read-only in Microsoft 365). Licenses and usage location can be changed here.</source>
        <translation>Synchronizowany z lokalnej usługi Active Directory: nazwę, nazwę użytkownika i dział zmienia się tam (w Microsoft 365 tylko do odczytu). Licencje i lokalizację użycia można zmienić tutaj.</translation>
    </message>
</context>
<context>
    <name>UserText</name>
    <message>
        <source>not enough seats</source>
        <translation>za mało wolnych licencji</translation>
    </message>
    <message>
        <source>conflicts with another license</source>
        <translation>koliduje z inną licencją</translation>
    </message>
    <message>
        <source>needs another license first</source>
        <translation>wymaga najpierw innej licencji</translation>
    </message>
    <message>
        <source>not available in the user&apos;s country</source>
        <translation>niedostępna w kraju użytkownika</translation>
    </message>
    <message>
        <source>assigned twice</source>
        <translation>przypisana dwukrotnie</translation>
    </message>
    <message>
        <source>assignment failed</source>
        <translation>przypisanie nie powiodło się</translation>
    </message>
    <message>
        <source>{name} (direct, also via {groups})</source>
        <translation>{name} (bezpośrednio, także przez {groups})</translation>
    </message>
    <message>
        <source>{name} (via {groups})</source>
        <translation>{name} (przez {groups})</translation>
    </message>
    <message>
        <source>{package} from the group {group}: {problem}</source>
        <translation>{package} z grupy {group}: {problem}</translation>
    </message>
    <message>
        <source>{package}: {problem}</source>
        <translation>{package}: {problem}</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Nieaktywowany</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Zablokowany</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to License Desk</source>
        <translation>Witamy w License Desk</translation>
    </message>
    <message>
        <source>See who holds which Microsoft 365 license, and assign, swap or remove them for many people at once. Sign in with an administrator account, or try everything on the built-in demo tenant first.</source>
        <translation>Sprawdzaj, kto ma które licencje Microsoft 365, i przypisuj, zamieniaj lub usuwaj je wielu osobom naraz. Zaloguj się kontem administratora albo najpierw wypróbuj wszystko we wbudowanej dzierżawie demonstracyjnej.</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365</source>
        <translation>Zaloguj się do Microsoft 365</translation>
    </message>
    <message>
        <source>Open the demo tenant</source>
        <translation>Otwórz dzierżawę demonstracyjną</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Zaloguj się za pomocą kodu</translation>
    </message>
    <message>
        <source>Sign in on another device, or when no browser opens on this computer</source>
        <translation>Zaloguj się na innym urządzeniu lub gdy na tym komputerze nie otwiera się przeglądarka</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anuluj logowanie</translation>
    </message>
    <message>
        <source>Sign-in options…</source>
        <translation>Opcje logowania…</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Pokaż szczegóły</translation>
    </message>
    <message>
        <source>Details for support</source>
        <translation>Szczegóły dla pomocy technicznej</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message numerus="yes">
        <source>%Ln users</source>
        <translation>
            <numerusform>%Ln użytkownik</numerusform>
            <numerusform>%Ln użytkowników</numerusform>
            <numerusform>%Ln użytkowników</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln users shown</source>
        <translation>
            <numerusform>Pokazano {shown} z %Ln użytkownika</numerusform>
            <numerusform>Pokazano {shown} z %Ln użytkowników</numerusform>
            <numerusform>Pokazano {shown} z %Ln użytkowników</numerusform>
        </translation>
    </message>
    <message>
        <source>· tick users to act on them</source>
        <translation>· zaznacz użytkowników, aby wykonać akcje</translation>
    </message>
    <message>
        <source>· {n} selected</source>
        <translation>· zaznaczono: {n}</translation>
    </message>
    <message>
        <source>· saved copy from {age}, checking for changes</source>
        <translation>· zapisana kopia sprzed {age}, sprawdzanie zmian</translation>
    </message>
    <message>
        <source>· saved copy from {age}, not brought up to date (press F5 to try again)</source>
        <translation>· zapisana kopia sprzed {age}, nieuaktualniona (naciśnij F5, aby spróbować ponownie)</translation>
    </message>
    <message>
        <source>· up to date at {time}</source>
        <translation>· aktualne o {time}</translation>
    </message>
    <message>
        <source>less than a minute ago</source>
        <translation>niecałej minuty</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minuty</numerusform>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minut</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n godziny</numerusform>
            <numerusform>%n godzin</numerusform>
            <numerusform>%n godzin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n dnia</numerusform>
            <numerusform>%n dni</numerusform>
            <numerusform>%n dni</numerusform>
        </translation>
    </message>
</context>
</TS>
