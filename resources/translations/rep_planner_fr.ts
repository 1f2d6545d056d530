<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>{hours:g} h a week</source>
        <translation>{hours:g} h par semaine</translation>
    </message>
    <message>
        <source>Export to calendar (.ics)</source>
        <translation>Exporter vers un calendrier (.ics)</translation>
    </message>
    <message>
        <source>One file for the team</source>
        <translation>Un fichier pour l&apos;équipe</translation>
    </message>
    <message>
        <source>One file per rep (in a folder)</source>
        <translation>Un fichier par commercial (dans un dossier)</translation>
    </message>
    <message>
        <source>Include work placed outside working hours (stretch)</source>
        <translation>Inclure le travail placé hors des heures de travail (étirement)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <source>Reps:</source>
        <translation>Commerciaux :</translation>
    </message>
    <message>
        <source>From week:</source>
        <translation>À partir de la semaine :</translation>
    </message>
    <message>
        <source>Weeks:</source>
        <translation>Semaines :</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Enregistrer dans :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Folder for the calendars</source>
        <translation>Dossier des calendriers</translation>
    </message>
    <message>
        <source>Save calendar</source>
        <translation>Enregistrer le calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>{events} events to {path} ({new} new, {changed} changed, {removed} removed)</source>
        <translation>{events} événements dans {path} ({new} nouveaux, {changed} modifiés, {removed} supprimés)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporté</translation>
    </message>
    <message>
        <source>Wrote:</source>
        <translation>Écrit :</translation>
    </message>
    <message>
        <source>Import {kind} from {file}</source>
        <translation>Importer des {kind} depuis {file}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>replaces the existing one</source>
        <translation>remplace l&apos;existant</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>{n} problem(s): fix the file and import it again; nothing is imported until every row is right.</source>
        <translation>{n} problème(s) : corrigez le fichier et importez-le à nouveau ; rien n&apos;est importé tant qu&apos;une ligne est fausse.</translation>
    </message>
    <message>
        <source>{n} row(s) ready to import: {added} added, {changed} changed, {unchanged} unchanged.</source>
        <translation>{n} ligne(s) prêtes à importer : {added} ajoutée(s), {changed} modifiée(s), {unchanged} inchangée(s).</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Rows from the sheet “{sheet}”.</source>
        <translation>Lignes lues dans la feuille « {sheet} ».</translation>
    </message>
    <message>
        <source>Rows from the sheet “{sheet}”, the first of {n}: none is named “{name}”.</source>
        <translation>Lignes lues dans la feuille « {sheet} », la première des {n} : aucune ne s&apos;appelle « {name} ».</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import impossible</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Exporter vers Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} écrit</translation>
    </message>
    <message>
        <source>e.g. Mon-Fri 09:00-17:00; several ranges: Mon-Thu 07:00-12:00, 13:00-17:00</source>
        <translation>p. ex. Mon-Fri 09:00-17:00 ; plusieurs plages : Mon-Thu 07:00-12:00, 13:00-17:00</translation>
    </message>
    <message>
        <source>{hours:g} h</source>
        <translation>{hours:g} h</translation>
    </message>
    <message>
        <source>{placed}, {hours:g} h not placed</source>
        <translation>{placed}, {hours:g} h non placées</translation>
    </message>
    <message>
        <source>{placed:g} h of work placed in {working:g} h of working time, {week}.</source>
        <translation>{placed:g} h de travail placées dans {working:g} h de temps de travail, {week}.</translation>
    </message>
    <message>
        <source>{blocks} blocks ({hours:g} h) could not be placed:</source>
        <translation>{blocks} blocs ({hours:g} h) n&apos;ont pas pu être placés :</translation>
    </message>
    <message>
        <source>Being worked out</source>
        <translation>En cours de calcul</translation>
    </message>
    <message>
        <source>Value covered</source>
        <translation>Valeur couverte</translation>
    </message>
    <message>
        <source>Value of every market</source>
        <translation>Valeur de tous les marchés</translation>
    </message>
    <message>
        <source>Markets covered</source>
        <translation>Marchés couverts</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>Heures planifiées</translation>
    </message>
    <message>
        <source>Outside working hours</source>
        <translation>Hors des heures de travail</translation>
    </message>
    <message>
        <source>Work not placed</source>
        <translation>Travail non placé</translation>
    </message>
    <message>
        <source>Work to do</source>
        <translation>Travail à faire</translation>
    </message>
    <message>
        <source>Workload flags</source>
        <translation>Alertes de charge</translation>
    </message>
    <message>
        <source>planned h</source>
        <translation>h planifiées</translation>
    </message>
    <message>
        <source>day</source>
        <translation>journée</translation>
    </message>
    <message>
        <source>outside h</source>
        <translation>h hors horaires</translation>
    </message>
    <message>
        <source>not placed h</source>
        <translation>h non placées</translation>
    </message>
    <message>
        <source>flags</source>
        <translation>alertes</translation>
    </message>
    <message>
        <source>The comparison failed: {error}</source>
        <translation>La comparaison a échoué : {error}</translation>
    </message>
    <message>
        <source>Compare alternatives</source>
        <translation>Comparer des variantes</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <source>in {week}</source>
        <translation>en {week}</translation>
    </message>
    <message>
        <source>Work that does not fit a rep&apos;s hours is placed outside them, as the week would be worked: the hours outside working hours are each plan&apos;s cost.</source>
        <translation>Le travail qui ne tient pas dans les heures d&apos;un commercial est placé en dehors, comme la semaine serait travaillée : les heures hors horaires sont le coût de chaque plan.</translation>
    </message>
    <message>
        <source>Comparing...</source>
        <translation>Comparaison en cours...</translation>
    </message>
    <message>
        <source>{a} with {b} in {week}: work that does not fit a rep&apos;s hours is placed outside them, as the week would be worked.</source>
        <translation>{a} avec {b} en {week} : le travail qui ne tient pas dans les heures d&apos;un commercial est placé en dehors, comme la semaine serait travaillée.</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Commercial</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Heures de travail</translation>
    </message>
    <message>
        <source>Max h/week</source>
        <translation>Max h/semaine</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Work this week</source>
        <translation>Travail cette semaine</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Marchés</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Commerciaux</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Affectations</translation>
    </message>
    <message>
        <source>(cannot be read)</source>
        <translation>(illisible)</translation>
    </message>
    <message>
        <source>Backups are kept before an import replaces the plan and before a restore, so a restore can be restored away too. The newest {keep} are kept.</source>
        <translation>Une sauvegarde est faite avant qu&apos;un import remplace le plan et avant une restauration, qui peut donc elle aussi être défaite. Les {keep} plus récentes sont conservées.</translation>
    </message>
    <message>
        <source>No backups yet: one is kept before an import replaces the plan, and before a restore.</source>
        <translation>Aucune sauvegarde pour l&apos;instant : une sauvegarde est faite avant qu&apos;un import remplace le plan, et avant une restauration.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Marché</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Heures d&apos;ouverture</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>{activity}/week</source>
        <translation>{activity}/semaine</translation>
    </message>
    <message>
        <source>Live h</source>
        <translation>h en direct</translation>
    </message>
    <message>
        <source>Async h</source>
        <translation>h asynchrones</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <source>Americas</source>
        <translation>Amériques</translation>
    </message>
    <message>
        <source>EMEA</source>
        <translation>EMEA</translation>
    </message>
    <message>
        <source>APAC</source>
        <translation>APAC</translation>
    </message>
    <message>
        <source>{rep} and {market} share {hours:g} h a week; its live work needs {live:g} h.</source>
        <translation>{rep} et {market} partagent {hours:g} h par semaine ; le travail en direct demande {live:g} h.</translation>
    </message>
    <message>
        <source>Assigned and locked.</source>
        <translation>Affecté et verrouillé.</translation>
    </message>
    <message>
        <source>Assigned.</source>
        <translation>Affecté.</translation>
    </message>
    <message>
        <source>{market}: tier {tier}, value {value}, {region}.
Click: sort the markets by name, then by value, then by tier.</source>
        <translation>{market} : niveau {tier}, valeur {value}, {region}.
Clic : trier les marchés par nom, puis par valeur, puis par niveau.</translation>
    </message>
    <message>
        <source>{rep}: {markets} markets, {load:g} h of work a week, {share:.0%} of the {capacity:g} h they can take.
Click: sort the markets by the hours they share with {rep}, most first.
Shift+click: sort the reps by name, then by load.</source>
        <translation>{rep} : {markets} marchés, {load:g} h de travail par semaine, {share:.0%} des {capacity:g} h qu&apos;il peut prendre.
Clic : trier les marchés selon les heures partagées avec {rep}, le plus d&apos;abord.
Maj+clic : trier les commerciaux par nom, puis par charge.</translation>
    </message>
    <message>
        <source>Click a column&apos;s title to sort by it; again to reverse; a third time for the scenario&apos;s order.</source>
        <translation>Cliquez sur le titre d&apos;une colonne pour trier selon elle ; de nouveau pour inverser ; une troisième fois pour revenir à l&apos;ordre du scénario.</translation>
    </message>
    <message>
        <source>Double-click a cell to change it. Every change is saved at once; Ctrl+Z undoes it.</source>
        <translation>Double-cliquez sur une cellule pour la modifier. Chaque modification est enregistrée aussitôt ; Ctrl+Z l&apos;annule.</translation>
    </message>
    <message>
        <source>rep</source>
        <translation>commercial</translation>
    </message>
    <message>
        <source>market</source>
        <translation>marché</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>Ajouter un {noun}</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows the rows in which any cell contains this text</source>
        <translation>Affiche les lignes dont une cellule contient ce texte</translation>
    </message>
    <message>
        <source>Filter the rows</source>
        <translation>Filtrer les lignes</translation>
    </message>
    <message>
        <source>{shown} of {total} rows shown</source>
        <translation>{shown} lignes sur {total} affichées</translation>
    </message>
    <message>
        <source>New rep {n}</source>
        <translation>Nouveau commercial {n}</translation>
    </message>
    <message>
        <source>Add an activity type to the scenario first.</source>
        <translation>Ajoutez d&apos;abord un type d&apos;activité au scénario.</translation>
    </message>
    <message>
        <source>New market {n}</source>
        <translation>Nouveau marché {n}</translation>
    </message>
    <message>
        <source>Optimise</source>
        <translation>Optimiser</translation>
    </message>
    <message>
        <source>Find the assignment that covers the most value in humane hours (Ctrl+R)</source>
        <translation>Trouver l&apos;affectation qui couvre le plus de valeur avec des horaires humains (Ctrl+R)</translation>
    </message>
    <message>
        <source>Plan hires...</source>
        <translation>Planifier les embauches...</translation>
    </message>
    <message>
        <source>The fewest new reps with whom the team covers every market worth at least a value</source>
        <translation>Le moins de nouveaux commerciaux avec qui l&apos;équipe couvre chaque marché valant au moins une valeur donnée</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation>Appliquer le plan</translation>
    </message>
    <message>
        <source>Plan hires</source>
        <translation>Planifier les embauches</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>Cover every market worth at least</source>
        <translation>Couvrir chaque marché valant au moins</translation>
    </message>
    <message>
        <source>New reps at most</source>
        <translation>Nouveaux commerciaux, au plus</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&lt;p&gt;The fewest new reps, each in a market&apos;s or the team&apos;s zone on the team&apos;s usual hours, with whom the team covers every market worth at least this value inside working hours. Every week of the plan is one the schedule keeps. Nothing is saved.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le moins de nouveaux commerciaux, chacun dans le fuseau d&apos;un marché ou de l&apos;équipe, aux horaires habituels de l&apos;équipe, avec qui l&apos;équipe couvre chaque marché valant au moins cette valeur pendant les heures de travail. Chaque semaine du plan est une semaine que le planning tient. Rien n&apos;est enregistré.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Recherche...</translation>
    </message>
    <message>
        <source>&lt;p&gt;Looking for the fewest new reps...&lt;/p&gt;</source>
        <translation>&lt;p&gt;Recherche du plus petit nombre de nouveaux commerciaux...&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Best so far: {count} new reps ({seconds:.0f} s)</source>
        <translation>Meilleur jusqu&apos;ici : {count} nouveaux commerciaux ({seconds:.0f} s)</translation>
    </message>
    <message>
        <source>Proven minimal</source>
        <translation>Minimum prouvé</translation>
    </message>
    <message>
        <source>Best found in the time limit, at most {more} more than needed</source>
        <translation>Meilleur trouvé dans le temps imparti, au plus {more} de plus que nécessaire</translation>
    </message>
    <message>
        <source>Stopped: best found so far, at most {more} more than needed</source>
        <translation>Arrêté : meilleur trouvé jusqu&apos;ici, au plus {more} de plus que nécessaire</translation>
    </message>
    <message>
        <source>Proven: no plan with at most {count} new reps covers them all</source>
        <translation>Prouvé : aucun plan avec au plus {count} nouveaux commerciaux ne les couvre tous</translation>
    </message>
    <message>
        <source>No plan found in the time limit</source>
        <translation>Aucun plan trouvé dans le temps imparti</translation>
    </message>
    <message>
        <source>No plan with at most {count} new reps found in the time limit</source>
        <translation>Aucun plan avec au plus {count} nouveaux commerciaux trouvé dans le temps imparti</translation>
    </message>
    <message>
        <source>Hiring plan for {week}</source>
        <translation>Plan d&apos;embauche pour {week}</translation>
    </message>
    <message>
        <source>{count} new reps with the team cover every market worth at least {value} ({markets} markets).</source>
        <translation>{count} nouveaux commerciaux et l&apos;équipe couvrent chaque marché valant au moins {value} ({markets} marchés).</translation>
    </message>
    <message>
        <source>{name}: {zone} ({country}), {hours}, takes {markets}: adds {value}</source>
        <translation>{name} : {zone} ({country}), {hours}, prend {markets} : apporte {value}</translation>
    </message>
    <message>
        <source>The plan covers {value} of {total} in market value. Every rep&apos;s week as the scheduler builds it: {blocks} blocks not placed, {hours} h outside working hours.</source>
        <translation>Le plan couvre {value} sur {total} de valeur de marché. La semaine de chaque commercial telle que le planificateur la construit : {blocks} blocs non placés, {hours} h hors des heures de travail.</translation>
    </message>
    <message>
        <source>Out of reach</source>
        <translation>Hors de portée</translation>
    </message>
    <message>
        <source>no rep and no candidate hire can take it</source>
        <translation>aucun commercial ni aucune embauche candidate ne peut le prendre</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Optimise&lt;/b&gt; (Ctrl+R) finds who should cover which market: the most market value your team can serve inside their working hours, with no rep far above the team&apos;s average load, each market with the rep whose day best meets it. Every week it plans is one the schedule keeps. Locked assignments stay. Every choice comes with its reasons, and so does every market left out; the plan also says where to hire next.&lt;/p&gt;&lt;p&gt;Nothing changes until you press &lt;b&gt;Apply plan&lt;/b&gt;, and Undo reverts it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Optimiser&lt;/b&gt; (Ctrl+R) trouve qui doit couvrir quel marché : le plus de valeur que votre équipe peut servir pendant ses heures de travail, sans commercial très au-dessus de la charge moyenne de l&apos;équipe, chaque marché avec le commercial dont la journée le rejoint le mieux. Chaque semaine prévue tient dans le planning. Les affectations verrouillées restent. Chaque choix est justifié, de même que chaque marché laissé de côté ; le plan indique aussi où recruter.&lt;/p&gt;&lt;p&gt;Rien ne change avant &lt;b&gt;Appliquer le plan&lt;/b&gt;, et Annuler le défait.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hours a week in which each rep&apos;s working hours meet each market&apos;s business hours, {week}. Green: its live work fits; amber: too few shared hours; red: none. ✓ assigned. Drag a market along its row to another rep, or double-click; right-click to lock or unassign.</source>
        <translation>Heures par semaine où les horaires de chaque commercial rencontrent les heures d&apos;ouverture de chaque marché, {week}. Vert : le travail en direct tient ; orange : trop peu d&apos;heures communes ; rouge : aucune. ✓ affecté. Glissez un marché le long de sa ligne vers un autre commercial, ou double-cliquez ; clic droit pour verrouiller ou retirer.</translation>
    </message>
    <message>
        <source>Assign {market} to {rep}</source>
        <translation>Affecter {market} à {rep}</translation>
    </message>
    <message>
        <source>Unassign {market}</source>
        <translation>Retirer {market}</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Lock (the optimiser keeps it)</source>
        <translation>Verrouiller (l&apos;optimiseur le garde)</translation>
    </message>
    <message>
        <source>Optimising...</source>
        <translation>Optimisation...</translation>
    </message>
    <message>
        <source>&lt;p&gt;Looking for the best assignment...&lt;/p&gt;</source>
        <translation>&lt;p&gt;Recherche de la meilleure affectation...&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Arrêt...</translation>
    </message>
    <message>
        <source>Best so far covers {value} ({seconds:.0f} s)</source>
        <translation>Le meilleur plan couvre {value} ({seconds:.0f} s)</translation>
    </message>
    <message>
        <source>Optimal</source>
        <translation>Optimal</translation>
    </message>
    <message>
        <source>Best found in the time</source>
        <translation>Meilleur plan trouvé dans le temps imparti</translation>
    </message>
    <message>
        <source>Cancelled: best plan so far</source>
        <translation>Annulé : meilleur plan trouvé</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Apply optimised plan</source>
        <translation>Appliquer le plan optimisé</translation>
    </message>
    <message>
        <source>Plan for {week}</source>
        <translation>Plan pour {week}</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Laissés de côté</translation>
    </message>
    <message>
        <source>Where to hire next</source>
        <translation>Où recruter ensuite</translation>
    </message>
    <message>
        <source>Covers {value} of {total} in market value; the busiest rep is at {util:.0%} of capacity.</source>
        <translation>Couvre {value} sur {total} de valeur de marché ; le commercial le plus chargé est à {util:.0%} de sa capacité.</translation>
    </message>
    <message>
        <source>no font found to write the report&apos;s text with: install one (Debian and Ubuntu: apt-get install fonts-dejavu-core)</source>
        <translation>aucune police trouvée pour écrire le texte du rapport : installez-en une (Debian et Ubuntu : apt-get install fonts-dejavu-core)</translation>
    </message>
    <message>
        <source>Plan for {period}: {name}</source>
        <translation>Plan pour {period} : {name}</translation>
    </message>
    <message>
        <source>{rep} ({zone}), {week}: {first} to {last}</source>
        <translation>{rep} ({zone}), {week} : du {first} au {last}</translation>
    </message>
    <message>
        <source>Value covered: {value} of {total} ({share}); {covered} of {markets} markets have a rep; the busiest rep is at {util} of capacity.</source>
        <translation>Valeur couverte : {value} sur {total} ({share}) ; {covered} marchés sur {markets} ont un commercial ; le commercial le plus chargé est à {util} de sa capacité.</translation>
    </message>
    <message>
        <source>Assigned, and the week cannot hold them</source>
        <translation>Affectés, mais la semaine ne peut pas les contenir</translation>
    </message>
    <message>
        <source>Markets left out</source>
        <translation>Marchés laissés de côté</translation>
    </message>
    <message>
        <source>None: every market has a rep.</source>
        <translation>Aucun : chaque marché a un commercial.</translation>
    </message>
    <message>
        <source>A rep in {zone} ({hours}) would take {markets}: {value}</source>
        <translation>Un commercial à {zone} ({hours}) prendrait {markets} : {value}</translation>
    </message>
    <message>
        <source>No hire suggested: no market is left out, or no new rep would take one.</source>
        <translation>Aucun recrutement suggéré : aucun marché n&apos;est laissé de côté, ou aucun nouveau commercial n&apos;en prendrait.</translation>
    </message>
    <message>
        <source>Work planned (h)</source>
        <translation>Travail prévu (h)</translation>
    </message>
    <message>
        <source>Capacity (h)</source>
        <translation>Capacité (h)</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Shared h</source>
        <translation>Heures communes</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Adéquation</translation>
    </message>
    <message>
        <source>Work h</source>
        <translation>Travail (h)</translation>
    </message>
    <message>
        <source>(locked)</source>
        <translation>(verrouillé)</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>laissé de côté</translation>
    </message>
    <message>
        <source>Workload flags, {period}</source>
        <translation>Alertes de charge, {period}</translation>
    </message>
    <message>
        <source>No workload flags: every week keeps the rules.</source>
        <translation>Aucune alerte de charge : chaque semaine respecte les règles.</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>What, and why it matters</source>
        <translation>Quoi, et pourquoi c&apos;est important</translation>
    </message>
    <message>
        <source>The value covered is within {gap:.1%} of the best possible.</source>
        <translation>La valeur couverte est à {gap:.1%} du meilleur possible.</translation>
    </message>
    <message>
        <source>No plan covers more value.</source>
        <translation>Aucun plan ne couvre plus de valeur.</translation>
    </message>
    <message>
        <source>W{week} {date}
▲{critical} ●{warnings}
{unplaced} h</source>
        <translation>S{week} {date}
▲{critical} ●{warnings}
{unplaced} h</translation>
    </message>
    <message>
        <source>{week}: {planned} h planned for the team, {unplaced} h of work not placed, {outside} h outside working hours; {flags} flags ({critical} critical) on {reps} reps</source>
        <translation>{week} : {planned} h prévues pour l&apos;équipe, {unplaced} h de travail non placées, {outside} h hors des heures de travail ; {flags} alertes ({critical} critiques) sur {reps} commerciaux</translation>
    </message>
    <message>
        <source>{rep}, {week}: {planned} h planned, {unplaced} h of work not placed, {outside} h outside working hours</source>
        <translation>{rep}, {week} : {planned} h prévues, {unplaced} h de travail non placées, {outside} h hors des heures de travail</translation>
    </message>
    <message>
        <source>and {n} more flags</source>
        <translation>et {n} autres alertes</translation>
    </message>
    <message>
        <source>Click or press Enter to open this week</source>
        <translation>Cliquez ou appuyez sur Entrée pour ouvrir cette semaine</translation>
    </message>
    <message>
        <source>Stretch (place everything)</source>
        <translation>Étirer (tout placer)</translation>
    </message>
    <message>
        <source>Place all the work, outside working hours if need be, to see what it costs</source>
        <translation>Placer tout le travail, hors des heures de travail si besoin, pour voir ce que cela coûte</translation>
    </message>
    <message>
        <source>The 13 weeks before</source>
        <translation>Les 13 semaines précédentes</translation>
    </message>
    <message>
        <source>The 13 weeks after</source>
        <translation>Les 13 semaines suivantes</translation>
    </message>
    <message>
        <source>Planned hours a week: {cells} &amp;nbsp; ▲ a critical flag &amp;nbsp; ● a warning. Each week&apos;s head: the team&apos;s critical ▲ and warning ● flags and its hours of work not placed.</source>
        <translation>Heures prévues par semaine : {cells} &amp;nbsp; ▲ une alerte critique &amp;nbsp; ● un avertissement. En tête de chaque semaine : les alertes critiques ▲ et avertissements ● de l&apos;équipe et ses heures de travail non placées.</translation>
    </message>
    <message>
        <source>{count} weeks from {first} to {last}</source>
        <translation>{count} semaines du {first} au {last}</translation>
    </message>
    <message>
        <source>Working out the quarter...</source>
        <translation>Calcul du trimestre...</translation>
    </message>
    <message>
        <source>No reps yet: add reps in Team to see their quarter.</source>
        <translation>Pas encore de commerciaux : ajoutez-en dans Équipe pour voir leur trimestre.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{week}&lt;/b&gt; ({planned} h planned, {overflow} h of work that does not fit, {critical} critical flags)</source>
        <translation>&lt;b&gt;{week}&lt;/b&gt; ({planned} h prévues, {overflow} h de travail qui ne tiennent pas, {critical} alertes critiques)</translation>
    </message>
    <message>
        <source>Busiest weeks: {weeks}</source>
        <translation>Semaines les plus chargées : {weeks}</translation>
    </message>
    <message>
        <source>Working out each rep&apos;s 13 weeks... {done} of {total}</source>
        <translation>Calcul des 13 semaines de chaque commercial... {done} sur {total}</translation>
    </message>
    <message>
        <source>Rep:</source>
        <translation>Commercial :</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>{week}: {first} to {last}</source>
        <translation>{week} : du {first} au {last}</translation>
    </message>
    <message>
        <source>Placed: {placed} h of work, {outside} h of it outside working hours. Not placed: {unplaced} h ({blocks} blocks).</source>
        <translation>Placé : {placed} h de travail, dont {outside} h hors des heures de travail. Non placé : {unplaced} h ({blocks} créneaux).</translation>
    </message>
    <message>
        <source>Solid: live work; pale: async work; dashed red outline: outside working hours; outlined: placed by hand; coloured strips: the markets&apos; business hours.</source>
        <translation>Plein : travail en direct ; pâle : travail asynchrone ; contour rouge en tirets : hors des heures de travail ; encadré : placé à la main ; bandes de couleur : heures d&apos;ouverture des marchés.</translation>
    </message>
    <message>
        <source>Placed; the week is now kept as you arranged it (Ctrl+Z to undo).</source>
        <translation>Placé ; la semaine reste désormais telle que vous l&apos;avez arrangée (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <source>No free time is left this week for {activity} for {market} ({minutes} min).</source>
        <translation>Plus aucun moment libre cette semaine pour {activity} pour {market} ({minutes} min).</translation>
    </message>
    <message>
        <source>Move {activity} for {market}</source>
        <translation>Déplacer {activity} pour {market}</translation>
    </message>
    <message>
        <source>Place {activity} for {market}</source>
        <translation>Placer {activity} pour {market}</translation>
    </message>
    <message>
        <source>Moved; the week is now kept as you arranged it (Ctrl+Z to undo).</source>
        <translation>Déplacé ; la semaine reste telle que vous l&apos;avez organisée (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <source>Stretch (everything placed, as if all of it had to be done)</source>
        <translation>Étirer (tout placer, comme s&apos;il fallait tout faire)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Fitting markets to time zones: within {gap:.1%} of the best ({seconds:.0f} s)</source>
        <translation>Ajustement des marchés aux fuseaux horaires : à {gap:.1%} du meilleur ({seconds:.0f} s)</translation>
    </message>
    <message>
        <source>Not applied: the plan changed since the optimiser read it ({note}); press Optimise to plan again on the plan as it is now</source>
        <translation>Non appliqué : le plan a changé depuis que l&apos;optimiseur l&apos;a lu ({note}) ; appuyez sur Optimiser pour planifier à nouveau sur le plan tel qu&apos;il est</translation>
    </message>
    <message>
        <source>Proven best: no plan covers more value, and none of that value fits the markets&apos; time zones better within the balance band.</source>
        <translation>Meilleur plan prouvé : aucun plan ne couvre plus de valeur, et aucun plan de cette valeur ne s&apos;accorde mieux aux fuseaux horaires des marchés dans la marge d&apos;équilibre.</translation>
    </message>
    <message>
        <source>No plan covers more value; the time-zone fit is within {gap:.1%} of the best possible.</source>
        <translation>Aucun plan ne couvre plus de valeur ; l&apos;accord avec les fuseaux horaires est à {gap:.1%} du meilleur possible.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Journée</translation>
    </message>
    <message>
        <source>Working time</source>
        <translation>Temps de travail</translation>
    </message>
    <message>
        <source>Outside hours</source>
        <translation>Hors horaires</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Non placé</translation>
    </message>
    <message>
        <source>{hours} h ({blocks} blocks)</source>
        <translation>{hours} h ({blocks} blocs)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What if&lt;/b&gt; (untick a market, tick another):</source>
        <translation>&lt;b&gt;Et si&lt;/b&gt; (décochez un marché, cochez-en un autre) :</translation>
    </message>
    <message>
        <source>{rep}: {hours} h of working time, {unplaced} h of work not placed</source>
        <translation>{rep} : {hours} h de temps de travail, {unplaced} h de travail non placées</translation>
    </message>
    <message>
        <source>{rep}: {hours} h of working time, all work placed</source>
        <translation>{rep} : {hours} h de temps de travail, tout le travail est placé</translation>
    </message>
    <message>
        <source>no flags.</source>
        <translation>aucune alerte.</translation>
    </message>
    <message>
        <source>{before} h and {nb} flags now; {after} h and {na} flags with these markets.</source>
        <translation>{before} h et {nb} alertes aujourd&apos;hui ; {after} h et {na} alertes avec ces marchés.</translation>
    </message>
    <message>
        <source>{n} ({worst})</source>
        <translation>{n} ({worst})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>{markets}: {time} {weekday} when it is {hour}:00 {day} for you</source>
        <translation>{markets} : {time} {weekday} quand il est {hour}:00 {day} pour vous</translation>
    </message>
    <message>
        <source>Cannot move {activity} for {market} there: {reason}.</source>
        <translation>Impossible de déplacer {activity} pour {market} ici : {reason}.</translation>
    </message>
    <message>
        <source>Cannot place {activity} for {market} there: {reason}.</source>
        <translation>Impossible de placer {activity} pour {market} ici : {reason}.</translation>
    </message>
    <message>
        <source>Live work, {minutes} min</source>
        <translation>Travail en direct, {minutes} min</translation>
    </message>
    <message>
        <source>Async work, {minutes} min</source>
        <translation>Travail asynchrone, {minutes} min</translation>
    </message>
    <message>
        <source>Your time: {day} {start}-{end} {zone}</source>
        <translation>Votre heure : {day} {start}-{end} {zone}</translation>
    </message>
    <message>
        <source>Prospect&apos;s time: {day} {start}-{end} {zone} ({tz})</source>
        <translation>Heure du prospect : {day} {start}-{end} {zone} ({tz})</translation>
    </message>
    <message>
        <source>Outside your working hours</source>
        <translation>En dehors de vos heures de travail</translation>
    </message>
    <message>
        <source>Placed by hand</source>
        <translation>Placé à la main</translation>
    </message>
    <message>
        <source>Drag one into the week, or select it and press Enter to put it at the first free time.</source>
        <translation>Faites-en glisser un dans la semaine, ou sélectionnez-le et appuyez sur Entrée pour le mettre au premier moment libre.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Placer</translation>
    </message>
    <message>
        <source>Put the selected block at the first free time the week has for it (Enter)</source>
        <translation>Mettre le créneau sélectionné au premier moment libre de la semaine (Entrée)</translation>
    </message>
    <message>
        <source>{activity} · {market}, {minutes} min</source>
        <translation>{activity} · {market}, {minutes} min</translation>
    </message>
    <message>
        <source>Not placed: {hours} h of work ({blocks} blocks)</source>
        <translation>Non placé : {hours} h de travail ({blocks} créneaux)</translation>
    </message>
    <message>
        <source>Your clock ({zone}). The market clocks beside it are for {day}: point at another day to see its times.</source>
        <translation>Votre horloge ({zone}). Les horloges des marchés à côté sont celles du {day} : pointez un autre jour pour voir ses heures.</translation>
    </message>
    <message>
        <source>No room for the clocks of {markets}: their times are in each block&apos;s tooltip.</source>
        <translation>Pas de place pour les horloges de {markets} : leurs heures sont dans l&apos;infobulle de chaque créneau.</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Nouveau scénario</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>Market or rep name contains... (Ctrl+F)</source>
        <translation>Le nom du marché ou du commercial contient... (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows the markets and reps whose name contains this text. A text found only in market names keeps every rep, and the other way round.</source>
        <translation>Affiche les marchés et commerciaux dont le nom contient ce texte. Un texte trouvé seulement dans des noms de marchés garde tous les commerciaux, et inversement.</translation>
    </message>
    <message>
        <source>The markets and reps whose time zone lies in this region: the Americas, EMEA (Europe, the Middle East and Africa) or APAC (Asia and the Pacific).</source>
        <translation>Les marchés et commerciaux dont le fuseau horaire se trouve dans cette région : les Amériques, EMEA (Europe, Moyen-Orient et Afrique) ou APAC (Asie-Pacifique).</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>Niveau {tier}</translation>
    </message>
    <message>
        <source>Only the markets of this tier</source>
        <translation>Seulement les marchés de ce niveau</translation>
    </message>
    <message>
        <source>Only this rep&apos;s column; type any part of a name</source>
        <translation>Seulement la colonne de ce commercial ; tapez une partie de son nom</translation>
    </message>
    <message>
        <source>Only their markets</source>
        <translation>Seulement ses marchés</translation>
    </message>
    <message>
        <source>Only the markets assigned to the chosen rep</source>
        <translation>Seulement les marchés affectés au commercial choisi</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every market and rep again; the sort stays</source>
        <translation>Afficher de nouveau tous les marchés et commerciaux ; le tri reste</translation>
    </message>
    <message>
        <source>Markets by name (A to Z), value (highest first), tier (A first) or the hours they share with a rep (most first). Clicking a market&apos;s name cycles name, value and tier; clicking a rep&apos;s name sorts by the hours shared with that rep.</source>
        <translation>Marchés par nom (de A à Z), valeur (la plus haute d&apos;abord), niveau (A d&apos;abord) ou heures partagées avec un commercial (le plus d&apos;abord). Cliquer sur le nom d&apos;un marché passe du nom à la valeur puis au niveau ; cliquer sur le nom d&apos;un commercial trie selon les heures partagées avec lui.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Reps by name (A to Z) or by load, busiest first: the weekly work of their markets against the hours they can take. Shift+click a rep&apos;s name to switch.</source>
        <translation>Commerciaux par nom (de A à Z) ou par charge, le plus chargé d&apos;abord : le travail hebdomadaire de leurs marchés rapporté aux heures qu&apos;ils peuvent prendre. Maj+clic sur le nom d&apos;un commercial pour basculer.</translation>
    </message>
    <message>
        <source>Markets by</source>
        <translation>Marchés par</translation>
    </message>
    <message>
        <source>Reps by</source>
        <translation>Commerciaux par</translation>
    </message>
    <message>
        <source>Find a market or rep</source>
        <translation>Chercher un marché ou un commercial</translation>
    </message>
    <message>
        <source>Shared hours with {rep}</source>
        <translation>Heures partagées avec {rep}</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <source>Stopped. What was published is recorded; publish again to complete it.</source>
        <translation>Arrêté. Ce qui a été publié est enregistré ; publiez à nouveau pour terminer.</translation>
    </message>
    <message>
        <source>The publish failed: {problem}</source>
        <translation>La publication a échoué : {problem}</translation>
    </message>
    <message>
        <source>{url}: {created} to create, {updated} to update, {deleted} to delete, {unchanged} unchanged</source>
        <translation>{url} : {created} à créer, {updated} à modifier, {deleted} à supprimer, {unchanged} inchangés</translation>
    </message>
    <message>
        <source>{url}: {created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged</source>
        <translation>{url} : {created} créés, {updated} modifiés, {deleted} supprimés, {unchanged} inchangés</translation>
    </message>
    <message>
        <source>The calendar was created.</source>
        <translation>Le calendrier a été créé.</translation>
    </message>
    <message>
        <source>The calendar would be created.</source>
        <translation>Le calendrier serait créé.</translation>
    </message>
    <message>
        <source>Kept as it is in the calendar (changed there since): {event}</source>
        <translation>Laissé tel quel dans le calendrier (modifié là-bas depuis) : {event}</translation>
    </message>
    <message>
        <source>Not published: {event} ({problem})</source>
        <translation>Non publié : {event} ({problem})</translation>
    </message>
    <message>
        <source>{n} blocks ({hours} h of work) could not be placed</source>
        <translation>{n} blocs ({hours} h de travail) n&apos;ont pas pu être placés</translation>
    </message>
    <message>
        <source>Publish to a calendar server (CalDAV)</source>
        <translation>Publier sur un serveur de calendrier (CalDAV)</translation>
    </message>
    <message>
        <source>empty: from the system keyring</source>
        <translation>vide : celui du trousseau du système</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Enregistrer le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>only for a server with its own certificate</source>
        <translation>seulement pour un serveur à certificat propre</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>Tous les commerciaux</translation>
    </message>
    <message>
        <source>One calendar per rep, inside this address</source>
        <translation>Un calendrier par commercial, dans cette adresse</translation>
    </message>
    <message>
        <source>Create the calendar if it is not there</source>
        <translation>Créer le calendrier s&apos;il n&apos;existe pas</translation>
    </message>
    <message>
        <source>Dry run: only say what would change</source>
        <translation>Essai à blanc : dire seulement ce qui changerait</translation>
    </message>
    <message>
        <source>Calendar address:</source>
        <translation>Adresse du calendrier :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Certificate to trust:</source>
        <translation>Certificat à accepter :</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Certificat à accepter</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Calendar address</source>
        <translation>Adresse du calendrier</translation>
    </message>
    <message>
        <source>User: give the user name on the calendar server</source>
        <translation>Utilisateur : indiquez le nom d&apos;utilisateur sur le serveur de calendrier</translation>
    </message>
    <message>
        <source>Password: type it, or store it in the system keyring</source>
        <translation>Mot de passe : saisissez-le, ou enregistrez-le dans le trousseau du système</translation>
    </message>
    <message>
        <source>Reading the calendar...</source>
        <translation>Lecture du calendrier...</translation>
    </message>
    <message>
        <source>Stopping after the requests under way...</source>
        <translation>Arrêt après les requêtes en cours...</translation>
    </message>
    <message>
        <source>Publishing: {done} of {total} changes</source>
        <translation>Publication : {done} modifications sur {total}</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Le mot de passe est enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>There is no system keyring on this computer: the password was not kept.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système : le mot de passe n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <source>{shown} of {markets} markets, {shown_reps} of {reps} reps shown</source>
        <translation>{shown} marchés sur {markets}, {shown_reps} commerciaux sur {reps} affichés</translation>
    </message>
    <message>
        <source>Every market (top to bottom) and rep (left to right) the grid shows, in its colours; dark marks are assignments, blue ones locked. The frame is the part on screen: click or drag to move it.</source>
        <translation>Chaque marché (de haut en bas) et commercial (de gauche à droite) que montre la grille, dans ses couleurs ; les marques sombres sont les affectations, les bleues verrouillées. Le cadre est la partie à l&apos;écran : cliquez ou faites-le glisser pour le déplacer.</translation>
    </message>
    <message>
        <source>The figures could not be worked out: {reason}</source>
        <translation>Les chiffres n&apos;ont pas pu être calculés : {reason}</translation>
    </message>
    <message>
        <source>Working out each rep&apos;s week... {done} of {total}</source>
        <translation>Calcul de la semaine de chaque commercial... {done} sur {total}</translation>
    </message>
    <message>
        <source>Working out the hours each rep shares with each market... {done} of {total} reps</source>
        <translation>Calcul des heures que chaque commercial partage avec chaque marché... {done} commerciaux sur {total}</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan :</translation>
    </message>
    <message>
        <source>The plan&apos;s alternatives; the one open now is marked</source>
        <translation>Les variantes du plan ; celle ouverte est marquée</translation>
    </message>
    <message>
        <source>Save as alternative...</source>
        <translation>Enregistrer comme variante...</translation>
    </message>
    <message>
        <source>Carry on under a new name; the plan as it is now stays an alternative under the name it had, if any</source>
        <translation>Continuer sous un nouveau nom ; le plan tel qu&apos;il est reste une variante sous le nom qu&apos;il avait, s&apos;il en avait un</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Passer à</translation>
    </message>
    <message>
        <source>Open the alternative chosen in the list; the plan open now is kept under its name</source>
        <translation>Ouvrir la variante choisie dans la liste ; le plan ouvert est gardé sous son nom</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the alternative chosen in the list (not the one open); Undo brings it back</source>
        <translation>Supprimer la variante choisie dans la liste (pas celle qui est ouverte) ; Annuler la rétablit</translation>
    </message>
    <message>
        <source>Compare...</source>
        <translation>Comparer...</translation>
    </message>
    <message>
        <source>Two alternatives side by side: the value they cover, their hours and their workload flags</source>
        <translation>Deux variantes côte à côte : la valeur qu&apos;elles couvrent, leurs heures et leurs alertes de charge</translation>
    </message>
    <message>
        <source>What if...</source>
        <translation>Et si...</translation>
    </message>
    <message>
        <source>Keep the plan open now, with an activity&apos;s work changed, as a new alternative</source>
        <translation>Garder le plan ouvert, avec le travail d&apos;une activité modifié, comme nouvelle variante</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(pas encore de nom)</translation>
    </message>
    <message>
        <source>{name} (open)</source>
        <translation>{name} (ouverte)</translation>
    </message>
    <message>
        <source>Save as alternative</source>
        <translation>Enregistrer comme variante</translation>
    </message>
    <message>
        <source>Keep the plan as it is now, and carry on as:</source>
        <translation>Garder le plan tel qu&apos;il est, et continuer sous le nom :</translation>
    </message>
    <message>
        <source>Save as alternative {name}</source>
        <translation>Enregistrer comme variante {name}</translation>
    </message>
    <message>
        <source>Cannot save the alternative</source>
        <translation>Impossible d&apos;enregistrer la variante</translation>
    </message>
    <message>
        <source>Saved as alternative {name}; {was} keeps the plan as it was</source>
        <translation>Enregistré comme variante {name} ; {was} garde le plan tel qu&apos;il était</translation>
    </message>
    <message>
        <source>Saved as alternative {name}</source>
        <translation>Enregistré comme variante {name}</translation>
    </message>
    <message>
        <source>Switch to alternative {name}</source>
        <translation>Passer à la variante {name}</translation>
    </message>
    <message>
        <source>Switched to alternative {name}</source>
        <translation>Passé à la variante {name}</translation>
    </message>
    <message>
        <source>Delete alternative {name}</source>
        <translation>Supprimer la variante {name}</translation>
    </message>
    <message>
        <source>Deleted alternative {name}; Undo brings it back</source>
        <translation>Variante {name} supprimée ; Annuler la rétablit</translation>
    </message>
    <message>
        <source>app</source>
        <translation>application</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>ligne de commande</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>restauration</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>optimiseur</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Rows changed</source>
        <translation>Lignes modifiées</translation>
    </message>
    <message>
        <source>Revision {n}, {time} UTC, by {author}</source>
        <translation>Révision {n}, {time} UTC, par {author}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;Undo this change</source>
        <translation>&amp;Annuler cette modification</translation>
    </message>
    <message>
        <source>Reverts the selected change as a new one; Ctrl+Z takes that back</source>
        <translation>Annule la modification choisie par une nouvelle ; Ctrl+Z revient dessus</translation>
    </message>
    <message>
        <source>Every change to the plan, newest first. Select one and Undo this change to revert it.</source>
        <translation>Toutes les modifications du plan, la plus récente en tête. Choisissez-en une, puis Annuler cette modification.</translation>
    </message>
    <message>
        <source>Undid revision {n} ({text}); Ctrl+Z takes it back.</source>
        <translation>Révision {n} annulée ({text}) ; Ctrl+Z revient dessus.</translation>
    </message>
    <message>
        <source>by a percentage (-80%)</source>
        <translation>d&apos;un pourcentage (-80 %)</translation>
    </message>
    <message>
        <source>by a number a week in each market (+1)</source>
        <translation>d&apos;un nombre par semaine dans chaque marché (+1)</translation>
    </message>
    <message>
        <source>by a number for each of another activity (+1 per demo)</source>
        <translation>d&apos;un nombre pour chaque occurrence d&apos;une autre activité (+1 par démo)</translation>
    </message>
    <message>
        <source>to a new duration in minutes (30)</source>
        <translation>à une nouvelle durée en minutes (30)</translation>
    </message>
    <message>
        <source>{activity}: {minutes} min each</source>
        <translation>{activity} : {minutes} min chacune</translation>
    </message>
    <message>
        <source>{activity} {percent}%</source>
        <translation>{activity} {percent} %</translation>
    </message>
    <message>
        <source>{activity} {add:+d} per {per}</source>
        <translation>{activity} {add:+d} par {per}</translation>
    </message>
    <message>
        <source>{activity} {add:+d} a week</source>
        <translation>{activity} {add:+d} par semaine</translation>
    </message>
    <message>
        <source>{change} in {market}</source>
        <translation>{change} en {market}</translation>
    </message>
    <message>
        <source>Admin automated</source>
        <translation>Admin automatisée</translation>
    </message>
    <message>
        <source>every market</source>
        <translation>tous les marchés</translation>
    </message>
    <message>
        <source>Add change</source>
        <translation>Ajouter la modification</translation>
    </message>
    <message>
        <source>Each change applies to what the ones before it left; the plan open now stays as it is.</source>
        <translation>Chaque modification s&apos;applique au résultat des précédentes ; le plan ouvert reste tel quel.</translation>
    </message>
    <message>
        <source>Name of the what-if:</source>
        <translation>Nom du scénario « et si » :</translation>
    </message>
    <message>
        <source>Activity:</source>
        <translation>Activité :</translation>
    </message>
    <message>
        <source>Change its work:</source>
        <translation>Modifier son travail :</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valeur :</translation>
    </message>
    <message>
        <source>Per:</source>
        <translation>Par :</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Où :</translation>
    </message>
    <message>
        <source>Save what-if</source>
        <translation>Enregistrer le « et si »</translation>
    </message>
    <message>
        <source>{count} change(s); Save what-if keeps them as a new alternative.</source>
        <translation>{count} modification(s) ; « Enregistrer le « et si » » les garde comme nouvelle variante.</translation>
    </message>
    <message>
        <source>What-if {name}</source>
        <translation>Et si {name}</translation>
    </message>
    <message>
        <source>Saved what-if {name}; {open} is still the plan open now. Compare shows its effect.</source>
        <translation>« Et si » {name} enregistré ; {open} reste le plan ouvert. Comparer montre son effet.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>PDF, A4 (*.pdf)</source>
        <translation>PDF, A4 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, US Letter (*.pdf)</source>
        <translation>PDF, US Letter (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <source>Wrote {path} ({pages} pages, {paper})</source>
        <translation>{path} écrit ({pages} pages, {paper})</translation>
    </message>
    <message>
        <source>{login}: planner of {regions}</source>
        <translation>{login} : planificateur de {regions}</translation>
    </message>
    <message>
        <source>{login}: rep ({rep})</source>
        <translation>{login} : commercial ({rep})</translation>
    </message>
    <message>
        <source>{login}: director</source>
        <translation>{login} : directeur</translation>
    </message>
    <message>
        <source>{login}: read-only</source>
        <translation>{login} : lecture seule</translation>
    </message>
    <message>
        <source>Your role on this team&apos;s plan; the server refuses any change it does not allow</source>
        <translation>Votre rôle dans le plan de l&apos;équipe ; le serveur refuse toute modification qu&apos;il ne permet pas</translation>
    </message>
    <message>
        <source>Open team plan</source>
        <translation>Ouvrir le plan d&apos;équipe</translation>
    </message>
    <message>
        <source>from PGPASSWORD or ~/.pgpass when empty</source>
        <translation>pris dans PGPASSWORD ou ~/.pgpass si vide</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>URL du serveur :</translation>
    </message>
    <message>
        <source>A plan the team shares on a PostgreSQL server. The password is used for this session only and never stored.</source>
        <translation>Un plan que l&apos;équipe partage sur un serveur PostgreSQL. Le mot de passe ne sert que pour cette session et n&apos;est jamais enregistré.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Give the server&apos;s URL: postgresql://user@host:port/database</source>
        <translation>Indiquez l&apos;URL du serveur : postgresql://utilisateur@hôte:port/base</translation>
    </message>
    <message>
        <source>{reason}. The plan now shows their change; make yours again if it still applies.</source>
        <translation>{reason}. Le plan montre maintenant leur modification ; refaites la vôtre si elle s&apos;applique encore.</translation>
    </message>
    <message>
        <source>{author} ({source}): {text}</source>
        <translation>{author} ({source}) : {text}</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>{line} (and {n} more changes)</source>
        <translation>{line} (et {n} autres modifications)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Offline: the plan&apos;s server cannot be reached ({reason}); changes are refused until it is back</source>
        <translation>Hors ligne : le serveur du plan est injoignable ({reason}) ; les modifications sont refusées jusqu&apos;à son retour</translation>
    </message>
    <message>
        <source>Back online: the plan is read again from the server</source>
        <translation>De nouveau en ligne : le plan est relu sur le serveur</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rep Planner</source>
        <translation>Rep Planner</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Marchés</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>Territoires</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>{name}  —  {path}  —  {week}</source>
        <translation>{name}  —  {path}  —  {week}</translation>
    </message>
    <message>
        <source>{name} — Rep Planner</source>
        <translation>{name} — Rep Planner</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>&amp;Nouveau...</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>&amp;Ouvrir...</translation>
    </message>
    <message>
        <source>Open &amp;team plan...</source>
        <translation>Ouvrir le plan d&apos;é&amp;quipe...</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Enregistrer &amp;sous...</translation>
    </message>
    <message>
        <source>&amp;Restore backup...</source>
        <translation>&amp;Restaurer une sauvegarde...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Import scenario (JSON)...</source>
        <translation>&amp;Importer un scénario (JSON)...</translation>
    </message>
    <message>
        <source>Import reps (CSV or Excel)...</source>
        <translation>Importer des commerciaux (CSV ou Excel)...</translation>
    </message>
    <message>
        <source>Import markets (CSV or Excel)...</source>
        <translation>Importer des marchés (CSV ou Excel)...</translation>
    </message>
    <message>
        <source>Import &amp;busy times (.ics)...</source>
        <translation>Importer les &amp;indisponibilités (.ics)...</translation>
    </message>
    <message>
        <source>&amp;Export calendar (.ics)...</source>
        <translation>&amp;Exporter le calendrier (.ics)...</translation>
    </message>
    <message>
        <source>&amp;Publish to calendar server...</source>
        <translation>&amp;Publier sur un serveur de calendrier...</translation>
    </message>
    <message>
        <source>Export &amp;scenario (JSON)...</source>
        <translation>Exporter le &amp;scénario (JSON)...</translation>
    </message>
    <message>
        <source>Export reps (CSV)...</source>
        <translation>Exporter les commerciaux (CSV)...</translation>
    </message>
    <message>
        <source>Export markets (CSV)...</source>
        <translation>Exporter les marchés (CSV)...</translation>
    </message>
    <message>
        <source>Export reps (Excel)...</source>
        <translation>Exporter les commerciaux (Excel)...</translation>
    </message>
    <message>
        <source>Export markets (Excel)...</source>
        <translation>Exporter les marchés (Excel)...</translation>
    </message>
    <message>
        <source>Export report (P&amp;DF)...</source>
        <translation>Exporter le rapport (P&amp;DF)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Markets</source>
        <translation>&amp;Marchés</translation>
    </message>
    <message>
        <source>T&amp;erritories</source>
        <translation>T&amp;erritoires</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>W&amp;orkload</source>
        <translation>&amp;Charge</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>T&amp;rimestre</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Rep Planner</source>
        <translation>À &amp;propos de Rep Planner</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <source>Open a Rep Planner database</source>
        <translation>Ouvrir une base Rep Planner</translation>
    </message>
    <message>
        <source>Rep Planner databases (*.db);;All files (*)</source>
        <translation>Bases Rep Planner (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New Rep Planner database</source>
        <translation>Nouvelle base Rep Planner</translation>
    </message>
    <message>
        <source>Rep Planner databases (*.db)</source>
        <translation>Bases Rep Planner (*.db)</translation>
    </message>
    <message>
        <source>Cannot create</source>
        <translation>Création impossible</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new name.</source>
        <translation>{path} existe déjà ; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Enregistrer une copie sous</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Save As copies a plan&apos;s file; a team plan on a server is exported with File &gt; Export scenario.</source>
        <translation>Enregistrer sous copie le fichier d&apos;un plan ; un plan d&apos;équipe sur un serveur s&apos;exporte par Fichier &gt; Exporter le scénario.</translation>
    </message>
    <message>
        <source>Import a scenario</source>
        <translation>Importer un scénario</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>Fichiers de scénario (*.json)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import impossible</translation>
    </message>
    <message>
        <source>Replace the plan?</source>
        <translation>Remplacer le plan ?</translation>
    </message>
    <message>
        <source>Replace “{current}” ({reps} reps, {markets} markets, {assignments} assignments) with “{new}” from {file}?

A backup of the current plan is kept first: File &gt; Restore backup... brings it back, and so does Undo.</source>
        <translation>Remplacer « {current} » ({reps} commerciaux, {markets} marchés, {assignments} affectations) par « {new} » de {file} ?

Le plan actuel est d&apos;abord sauvegardé : Fichier &gt; Restaurer une sauvegarde... le ramène, tout comme Annuler.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>Importer {name}</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>{name} importé</translation>
    </message>
    <message>
        <source>Imported {name}; the plan it replaced is kept as backup {backup}</source>
        <translation>{name} importé ; le plan remplacé est conservé dans la sauvegarde {backup}</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message>
        <source>Restored the backup {name} ({cause})</source>
        <translation>Sauvegarde {name} restaurée ({cause})</translation>
    </message>
    <message>
        <source>Restored the backup {name} ({cause}); the plan it replaced is kept as backup {before}</source>
        <translation>Sauvegarde {name} restaurée ({cause}) ; le plan remplacé est conservé dans la sauvegarde {before}</translation>
    </message>
    <message>
        <source>Export the scenario</source>
        <translation>Exporter le scénario</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} écrit</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <source>Import from CSV or Excel</source>
        <translation>Importer depuis un CSV ou un classeur Excel</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>Feuilles de calcul (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Import busy times</source>
        <translation>Importer les indisponibilités</translation>
    </message>
    <message>
        <source>Whose calendar is it?</source>
        <translation>À qui est ce calendrier ?</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Fichier de calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Imported {n} busy times for {rep}</source>
        <translation>{n} indisponibilités importées pour {rep}</translation>
    </message>
    <message>
        <source>About Rep Planner</source>
        <translation>À propos de Rep Planner</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rep Planner&lt;/b&gt;&lt;p&gt;Plans sales reps&apos; weeks across time zones: territories, schedules, burnout flags and calendars.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Rep Planner&lt;/b&gt;&lt;p&gt;Planifie les semaines des commerciaux à travers les fuseaux horaires : territoires, plannings, alertes de surmenage et calendriers.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
