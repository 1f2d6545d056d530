"""French strings for the app, keyed by the English source.

``python resources/translations/fr.py`` regenerates rep_planner_fr.ts (with
pyside6-lupdate, from the ui/ sources) and compiles rep_planner_fr.qm (with
pyside6-lrelease). A test checks that every source string has a translation.
"""

FR = {
    "&About Rep Planner": "À &propos de Rep Planner",
    "&Edit": "&Édition",
    "&Export calendar (.ics)...": "&Exporter le calendrier (.ics)...",
    "&File": "&Fichier",
    "&Help": "&Aide",
    "&History": "&Historique",
    "&Import scenario (JSON)...": "&Importer un scénario (JSON)...",
    "&Markets": "&Marchés",
    "&New...": "&Nouveau...",
    "&Open...": "&Ouvrir...",
    "&Quarter": "T&rimestre",
    "&Quit": "&Quitter",
    "&Redo": "&Rétablir",
    "&Restore backup...": "&Restaurer une sauvegarde...",
    "&Team": "É&quipe",
    "&Undo": "&Annuler",
    "&Undo this change": "&Annuler cette modification",
    "&View": "&Affichage",
    "&Week": "&Semaine",
    "(cannot be read)": "(illisible)",
    "(no name yet)": "(pas encore de nom)",
    "(locked)": "(verrouillé)",
    "<b>Rep Planner</b><p>Plans sales reps' weeks across time zones: territories, schedules, burnout flags and calendars.</p>":
        "<b>Rep Planner</b><p>Planifie les semaines des commerciaux à travers les fuseaux horaires : territoires, "
        "plannings, alertes de surmenage et calendriers.</p>",
    "<b>What if</b> (untick a market, tick another):": "<b>Et si</b> (décochez un marché, cochez-en un autre) :",
    "<b>{week}</b> ({planned} h planned, {overflow} h of work that does not fit, {critical} critical flags)":
        "<b>{week}</b> ({planned} h prévues, {overflow} h de travail qui ne tiennent pas, {critical} alertes critiques)",
    "<p><b>Optimise</b> (Ctrl+R) finds who should cover which market: the most market value your team can serve inside their working hours, with no rep far above the team's average load, each market with the rep whose day best meets it. Every week it plans is one the schedule keeps. Locked assignments stay. Every choice comes with its reasons, and so does every market left out; the plan also says where to hire next.</p><p>Nothing changes until you press <b>Apply plan</b>, and Undo reverts it.</p>":
        "<p><b>Optimiser</b> (Ctrl+R) trouve qui doit couvrir quel marché : le plus de valeur que votre équipe peut "
        "servir pendant ses heures de travail, sans commercial très au-dessus de la charge moyenne de l'équipe, "
        "chaque marché avec le commercial dont la journée le rejoint le mieux. Chaque semaine prévue tient dans le "
        "planning. Les affectations verrouillées restent. "
        "Chaque choix est justifié, de même que chaque marché laissé de côté ; le plan indique aussi où recruter.</p>"
        "<p>Rien ne change avant <b>Appliquer le plan</b>, et Annuler le défait.</p>",
    "<p>Looking for the best assignment...</p>": "<p>Recherche de la meilleure affectation...</p>",
    "<p>Looking for the fewest new reps...</p>": "<p>Recherche du plus petit nombre de nouveaux commerciaux...</p>",
    "<p>The fewest new reps, each in a market's or the team's zone on the team's usual hours, with whom the team covers every market worth at least this value inside working hours. Every week of the plan is one the schedule keeps. Nothing is saved.</p>": "<p>Le moins de nouveaux commerciaux, chacun dans le fuseau d'un marché ou de l'équipe, aux horaires habituels de l'équipe, avec qui l'équipe couvre chaque marché valant au moins cette valeur pendant les heures de travail. Chaque semaine du plan est une semaine que le planning tient. Rien n'est enregistré.</p>",
    "A plan the team shares on a PostgreSQL server. The password is used for this session only and never stored.":
        "Un plan que l'équipe partage sur un serveur PostgreSQL. Le mot de passe ne sert que pour cette session et n'est jamais enregistré.",
    "A rep in {zone} ({hours}) would take {markets}: {value}": "Un commercial à {zone} ({hours}) prendrait {markets} : {value}",
    "APAC": "APAC",
    "About Rep Planner": "À propos de Rep Planner",
    "Activity:": "Activité :",
    "Add an activity type to the scenario first.": "Ajoutez d'abord un type d'activité au scénario.",
    "Add change": "Ajouter la modification",
    "Add {noun}": "Ajouter un {noun}",
    "Admin automated": "Admin automatisée",
    "All regions": "Toutes les régions",
    "All reps": "Tous les commerciaux",
    "All tiers": "Tous les niveaux",
    "Alternatives": "Variantes",
    "Americas": "Amériques",
    "Apply optimised plan": "Appliquer le plan optimisé",
    "Apply plan": "Appliquer le plan",
    "Assign {market} to {rep}": "Affecter {market} à {rep}",
    "Assigned and locked.": "Affecté et verrouillé.",
    "Assigned, and the week cannot hold them": "Affectés, mais la semaine ne peut pas les contenir",
    "Assigned.": "Affecté.",
    "Assignments": "Affectations",
    "Async h": "h asynchrones",
    "Async work, {minutes} min": "Travail asynchrone, {minutes} min",
    "Back online: the plan is read again from the server": "De nouveau en ligne : le plan est relu sur le serveur",
    "Being worked out": "En cours de calcul",
    "Best found in the time limit, at most {more} more than needed": "Meilleur trouvé dans le temps imparti, au plus {more} de plus que nécessaire",
    "Best so far: {count} new reps ({seconds:.0f} s)": "Meilleur jusqu'ici : {count} nouveaux commerciaux ({seconds:.0f} s)",
    "Busiest weeks: {weeks}": "Semaines les plus chargées : {weeks}",
    "Cannot save the alternative": "Impossible d'enregistrer la variante",
    "Carry on under a new name; the plan as it is now stays an alternative under the name it had, if any":
        "Continuer sous un nouveau nom ; le plan tel qu'il est reste une variante sous le nom qu'il avait, s'il en avait un",
    "Change": "Modification",
    "Change its work:": "Modifier son travail :",
    "Click or press Enter to open this week": "Cliquez ou appuyez sur Entrée pour ouvrir cette semaine",
    "Compare": "Comparer",
    "Compare alternatives": "Comparer des variantes",
    "Compare...": "Comparer...",
    "Comparing...": "Comparaison en cours...",
    "Cover every market worth at least": "Couvrir chaque marché valant au moins",
    "Delete": "Supprimer",
    "Delete alternative {name}": "Supprimer la variante {name}",
    "Delete the alternative chosen in the list (not the one open); Undo brings it back":
        "Supprimer la variante choisie dans la liste (pas celle qui est ouverte) ; Annuler la rétablit",
    "Deleted alternative {name}; Undo brings it back": "Variante {name} supprimée ; Annuler la rétablit",
    "Drag one into the week, or select it and press Enter to put it at the first free time.":
        "Faites-en glisser un dans la semaine, ou sélectionnez-le et appuyez sur Entrée pour le mettre au premier moment libre.",
    "Each change applies to what the ones before it left; the plan open now stays as it is.":
        "Chaque modification s'applique au résultat des précédentes ; le plan ouvert reste tel quel.",
    "Every change to the plan, newest first. Select one and Undo this change to revert it.": "Toutes les modifications du plan, la plus récente en tête. Choisissez-en une, puis Annuler cette modification.",
    "Give the server's URL: postgresql://user@host:port/database":
        "Indiquez l'URL du serveur : postgresql://utilisateur@hôte:port/base",
    "Hiring plan for {week}": "Plan d'embauche pour {week}",
    "History": "Historique",
    "Keep the plan as it is now, and carry on as:": "Garder le plan tel qu'il est, et continuer sous le nom :",
    "Keep the plan open now, with an activity's work changed, as a new alternative":
        "Garder le plan ouvert, avec le travail d'une activité modifié, comme nouvelle variante",
    "Live work, {minutes} min": "Travail en direct, {minutes} min",
    "Markets covered": "Marchés couverts",
    "Name of the what-if:": "Nom du scénario « et si » :",
    "New reps at most": "Nouveaux commerciaux, au plus",
    "No free time is left this week for {activity} for {market} ({minutes} min).":
        "Plus aucun moment libre cette semaine pour {activity} pour {market} ({minutes} min).",
    "No limit": "Sans limite",
    "No plan found in the time limit": "Aucun plan trouvé dans le temps imparti",
    "No plan with at most {count} new reps found in the time limit": "Aucun plan avec au plus {count} nouveaux commerciaux trouvé dans le temps imparti",
    "No reps yet: add reps in Team to see their quarter.":
        "Pas encore de commerciaux : ajoutez-en dans Équipe pour voir leur trimestre.",
    "Capacity (h)": "Capacité (h)",
    "Export report": "Exporter le rapport",
    "Export report (P&DF)...": "Exporter le rapport (P&DF)...",
    "Fit": "Adéquation",
    "Markets left out": "Marchés laissés de côté",
    "No hire suggested: no market is left out, or no new rep would take one.":
        "Aucun recrutement suggéré : aucun marché n'est laissé de côté, ou aucun nouveau commercial n'en prendrait.",
    "No room for the clocks of {markets}: their times are in each block's tooltip.":
        "Pas de place pour les horloges de {markets} : leurs heures sont dans l'infobulle de chaque créneau.",
    "No workload flags: every week keeps the rules.": "Aucune alerte de charge : chaque semaine respecte les règles.",
    "None: every market has a rep.": "Aucun : chaque marché a un commercial.",
    "Not applied: the plan changed since the optimiser read it ({note}); press Optimise to plan again on the plan as it is now":
        "Non appliqué : le plan a changé depuis que l'optimiseur l'a lu ({note}) ; appuyez sur Optimiser pour planifier à nouveau sur le plan tel qu'il est",
    "Not placed: {hours} h of work ({blocks} blocks)": "Non placé : {hours} h de travail ({blocks} créneaux)",
    "Offline": "Hors ligne",
    "Offline: the plan's server cannot be reached ({reason}); changes are refused until it is back":
        "Hors ligne : le serveur du plan est injoignable ({reason}) ; les modifications sont refusées jusqu'à son retour",
    "Open": "Ouvrir",
    "Open &team plan...": "Ouvrir le plan d'é&quipe...",
    "Open team plan": "Ouvrir le plan d'équipe",
    "Open the alternative chosen in the list; the plan open now is kept under its name":
        "Ouvrir la variante choisie dans la liste ; le plan ouvert est gardé sous son nom",
    "Out of reach": "Hors de portée",
    "Outside working hours": "Hors des heures de travail",
    "Per:": "Par :",
    "PDF, A4 (*.pdf)": "PDF, A4 (*.pdf)",
    "PDF, US Letter (*.pdf)": "PDF, US Letter (*.pdf)",
    "Place": "Placer",
    "Place {activity} for {market}": "Placer {activity} pour {market}",
    "Placed: {placed} h of work, {outside} h of it outside working hours. Not placed: {unplaced} h ({blocks} blocks).":
        "Placé : {placed} h de travail, dont {outside} h hors des heures de travail. Non placé : {unplaced} h ({blocks} créneaux).",
    "Placed; the week is now kept as you arranged it (Ctrl+Z to undo).":
        "Placé ; la semaine reste désormais telle que vous l'avez arrangée (Ctrl+Z pour annuler).",
    "Plan": "Planifier",
    "Plan hires": "Planifier les embauches",
    "Plan hires...": "Planifier les embauches...",
    "Plan:": "Plan :",
    "Planned hours": "Heures planifiées",
    "Planned hours a week: {cells} &nbsp; ▲ a critical flag &nbsp; ● a warning. Each week's head: the team's critical ▲ and warning ● flags and its hours of work not placed.":
        "Heures prévues par semaine : {cells} &nbsp; ▲ une alerte critique &nbsp; ● un avertissement. En tête de chaque semaine : les alertes critiques ▲ et avertissements ● de l'équipe et ses heures de travail non placées.",
    "Proven minimal": "Minimum prouvé",
    "Proven: no plan with at most {count} new reps covers them all": "Prouvé : aucun plan avec au plus {count} nouveaux commerciaux ne les couvre tous",
    "Put the selected block at the first free time the week has for it (Enter)":
        "Mettre le créneau sélectionné au premier moment libre de la semaine (Entrée)",
    "Quarter": "Trimestre",
    "Reverts the selected change as a new one; Ctrl+Z takes that back": "Annule la modification choisie par une nouvelle ; Ctrl+Z revient dessus",
    "Revision": "Révision",
    "Revision {n}, {time} UTC, by {author}": "Révision {n}, {time} UTC, par {author}",
    "Rows changed": "Lignes modifiées",
    "Save As copies a plan's file; a team plan on a server is exported with File > Export scenario.":
        "Enregistrer sous copie le fichier d'un plan ; un plan d'équipe sur un serveur s'exporte par Fichier > Exporter le scénario.",
    "Save as alternative": "Enregistrer comme variante",
    "Save as alternative {name}": "Enregistrer comme variante {name}",
    "Save as alternative...": "Enregistrer comme variante...",
    "Save what-if": "Enregistrer le « et si »",
    "Saved as alternative {name}": "Enregistré comme variante {name}",
    "Saved as alternative {name}; {was} keeps the plan as it was":
        "Enregistré comme variante {name} ; {was} garde le plan tel qu'il était",
    "Saved what-if {name}; {open} is still the plan open now. Compare shows its effect.":
        "« Et si » {name} enregistré ; {open} reste le plan ouvert. Comparer montre son effet.",
    "Searching...": "Recherche...",
    "Server URL:": "URL du serveur :",
    "Solid: live work; pale: async work; dashed red outline: outside working hours; outlined: placed by hand; coloured strips: the markets' business hours.":
        "Plein : travail en direct ; pâle : travail asynchrone ; contour rouge en tirets : hors des heures de travail ; encadré : placé à la main ; bandes de couleur : heures d'ouverture des marchés.",
    "Source": "Origine",
    "Stopped: best found so far, at most {more} more than needed": "Arrêté : meilleur trouvé jusqu'ici, au plus {more} de plus que nécessaire",
    "Switch": "Passer à",
    "Switch to alternative {name}": "Passer à la variante {name}",
    "Switched to alternative {name}": "Passé à la variante {name}",
    "The 13 weeks after": "Les 13 semaines suivantes",
    "The 13 weeks before": "Les 13 semaines précédentes",
    "The comparison failed: {error}": "La comparaison a échoué : {error}",
    "The fewest new reps with whom the team covers every market worth at least a value": "Le moins de nouveaux commerciaux avec qui l'équipe couvre chaque marché valant au moins une valeur donnée",
    "Plan for {period}: {name}": "Plan pour {period} : {name}",
    "Rule": "Règle",
    "Severity": "Gravité",
    "Shared h": "Heures communes",
    "Territory": "Territoire",
    "The figures could not be worked out: {reason}": "Les chiffres n'ont pas pu être calculés : {reason}",
    "The plan covers {value} of {total} in market value. Every rep's week as the scheduler builds it: {blocks} blocks not placed, {hours} h outside working hours.": "Le plan couvre {value} sur {total} de valeur de marché. La semaine de chaque commercial telle que le planificateur la construit : {blocks} blocs non placés, {hours} h hors des heures de travail.",
    "The plan's alternatives; the one open now is marked": "Les variantes du plan ; celle ouverte est marquée",
    "The value covered is within {gap:.1%} of the best possible.": "La valeur couverte est à {gap:.1%} du meilleur possible.",
    "No plan covers more value.": "Aucun plan ne couvre plus de valeur.",
    "Backups are kept before an import replaces the plan and before a restore, so a restore can be restored away too. The newest {keep} are kept.":
        "Une sauvegarde est faite avant qu'un import remplace le plan et avant une restauration, qui peut donc elle aussi être défaite. Les {keep} plus récentes sont conservées.",
    "Best found in the time": "Meilleur plan trouvé dans le temps imparti",
    "Best so far covers {value} ({seconds:.0f} s)": "Le meilleur plan couvre {value} ({seconds:.0f} s)",
    "Browse...": "Parcourir...",
    "Business hours": "Heures d'ouverture",
    "Calendar file": "Fichier de calendrier",
    "Call": "Appel",
    "Cancel": "Annuler",
    "Cancelled: best plan so far": "Annulé : meilleur plan trouvé",
    "Cannot create": "Création impossible",
    "Cannot export": "Export impossible",
    "Cannot import": "Import impossible",
    "Cannot place {activity} for {market} there: {reason}.": "Impossible de placer {activity} pour {market} ici : {reason}.",
    "Cannot move {activity} for {market} there: {reason}.": "Impossible de déplacer {activity} pour {market} ici : {reason}.",
    "Cannot open": "Ouverture impossible",
    "Cannot restore": "Restauration impossible",
    "Cannot save": "Enregistrement impossible",
    "Clear filters": "Effacer les filtres",
    "Click a column's title to sort by it; again to reverse; a third time for the scenario's order.":
        "Cliquez sur le titre d'une colonne pour trier selon elle ; de nouveau pour inverser ; une troisième "
        "fois pour revenir à l'ordre du scénario.",
    "Country": "Pays",
    "Covers {value} of {total} in market value; the busiest rep is at {util:.0%} of capacity.":
        "Couvre {value} sur {total} de valeur de marché ; le commercial le plus chargé est à {util:.0%} de sa capacité.",
    "Day": "Journée",
    "Demo": "Démo",
    "Duplicate": "Dupliquer",
    "EMEA": "EMEA",
    "Every market (top to bottom) and rep (left to right) the grid shows, in its colours; dark marks are assignments, blue ones locked. The frame is the part on screen: click or drag to move it.":
        "Chaque marché (de haut en bas) et commercial (de gauche à droite) que montre la grille, dans ses "
        "couleurs ; les marques sombres sont les affectations, les bleues verrouillées. Le cadre est la "
        "partie à l'écran : cliquez ou faites-le glisser pour le déplacer.",
    "Export": "Exporter",
    "Export &scenario (JSON)...": "Exporter le &scénario (JSON)...",
    "Export failed": "Échec de l'export",
    "Export the scenario": "Exporter le scénario",
    "Export to calendar (.ics)": "Exporter vers un calendrier (.ics)",
    "Exported": "Exporté",
    "Filter (Ctrl+F)": "Filtrer (Ctrl+F)",
    "Filter the rows": "Filtrer les lignes",
    "Find a market or rep": "Chercher un marché ou un commercial",
    "Find the assignment that covers the most value in humane hours (Ctrl+R)":
        "Trouver l'affectation qui couvre le plus de valeur avec des horaires humains (Ctrl+R)",
    "Flags": "Alertes",
    "Folder for the calendars": "Dossier des calendriers",
    "Follow-up": "Relance",
    "From week:": "À partir de la semaine :",
    "Hours a week in which each rep's working hours meet each market's business hours, {week}. Green: its live work fits; amber: too few shared hours; red: none. ✓ assigned. Drag a market along its row to another rep, or double-click; right-click to lock or unassign.":
        "Heures par semaine où les horaires de chaque commercial rencontrent les heures d'ouverture de chaque marché, "
        "{week}. Vert : le travail en direct tient ; orange : trop peu d'heures communes ; rouge : aucune. "
        "✓ affecté. Glissez un marché le long de sa ligne vers un autre commercial, ou double-cliquez ; "
        "clic droit pour verrouiller ou retirer.",
    "Import &busy times (.ics)...": "Importer les &indisponibilités (.ics)...",
    "Import a scenario": "Importer un scénario",
    "Import busy times": "Importer les indisponibilités",
    "Import {name}": "Importer {name}",
    "Imported {name}": "{name} importé",
    "Imported {name}; the plan it replaced is kept as backup {backup}":
        "{name} importé ; le plan remplacé est conservé dans la sauvegarde {backup}",
    "Imported {n} busy times for {rep}": "{n} indisponibilités importées pour {rep}",
    "Include work placed outside working hours (stretch)": "Inclure le travail placé hors des heures de travail (étirement)",
    "Left out": "Laissés de côté",
    "Live h": "h en direct",
    "Load": "Charge",
    "Lock (the optimiser keeps it)": "Verrouiller (l'optimiseur le garde)",
    "Made": "Faite le",
    "Market": "Marché",
    "Market or rep name contains... (Ctrl+F)": "Le nom du marché ou du commercial contient... (Ctrl+F)",
    "Markets": "Marchés",
    "Markets by": "Marchés par",
    "Markets by name (A to Z), value (highest first), tier (A first) or the hours they share with a rep (most first). Clicking a market's name cycles name, value and tier; clicking a rep's name sorts by the hours shared with that rep.":
        "Marchés par nom (de A à Z), valeur (la plus haute d'abord), niveau (A d'abord) ou heures partagées "
        "avec un commercial (le plus d'abord). Cliquer sur le nom d'un marché passe du nom à la valeur puis "
        "au niveau ; cliquer sur le nom d'un commercial trie selon les heures partagées avec lui.",
    "Max h/week": "Max h/semaine",
    "Move {activity} for {market}": "Déplacer {activity} pour {market}",
    "Moved; the week is now kept as you arranged it (Ctrl+Z to undo).":
        "Déplacé ; la semaine reste telle que vous l'avez organisée (Ctrl+Z pour annuler).",
    "New Rep Planner database": "Nouvelle base Rep Planner",
    "New market {n}": "Nouveau marché {n}",
    "New rep {n}": "Nouveau commercial {n}",
    "New scenario": "Nouveau scénario",
    "Next week": "Semaine suivante",
    "No backups yet: one is kept before an import replaces the plan, and before a restore.":
        "Aucune sauvegarde pour l'instant : une sauvegarde est faite avant qu'un import remplace le plan, et avant une restauration.",
    "One file for the team": "Un fichier pour l'équipe",
    "One file per rep (in a folder)": "Un fichier par commercial (dans un dossier)",
    "Only the markets assigned to the chosen rep": "Seulement les marchés affectés au commercial choisi",
    "Only the markets of this tier": "Seulement les marchés de ce niveau",
    "Only their markets": "Seulement ses marchés",
    "Only this rep's column; type any part of a name":
        "Seulement la colonne de ce commercial ; tapez une partie de son nom",
    "Open &Recent": "Ouvrir un fichier &récent",
    "Open a Rep Planner database": "Ouvrir une base Rep Planner",
    "Optimal": "Optimal",
    "Optimise": "Optimiser",
    "Optimising...": "Optimisation...",
    "Outside hours": "Hors horaires",
    "Outside your working hours": "En dehors de vos heures de travail",
    "Place all the work, outside working hours if need be, to see what it costs":
        "Placer tout le travail, hors des heures de travail si besoin, pour voir ce que cela coûte",
    "Placed by hand": "Placé à la main",
    "Plan for {week}": "Plan pour {week}",
    "Previous week": "Semaine précédente",
    "Prospect's time: {day} {start}-{end} {zone} ({tz})": "Heure du prospect : {day} {start}-{end} {zone} ({tz})",
    "Ready": "Prêt",
    "Region": "Région",
    "Remove": "Supprimer",
    "Rep": "Commercial",
    "Rep Planner": "Rep Planner",
    "Rep Planner databases (*.db)": "Bases Rep Planner (*.db)",
    "Rep Planner databases (*.db);;All files (*)": "Bases Rep Planner (*.db);;Tous les fichiers (*)",
    "Rep:": "Commercial :",
    "Replace": "Remplacer",
    "Replace the plan?": "Remplacer le plan ?",
    "Replace “{current}” ({reps} reps, {markets} markets, {assignments} assignments) with “{new}” from {file}?\n\nA backup of the current plan is kept first: File > Restore backup... brings it back, and so does Undo.":
        "Remplacer « {current} » ({reps} commerciaux, {markets} marchés, {assignments} affectations) par « {new} » de {file} ?\n\nLe plan actuel est d'abord sauvegardé : Fichier > Restaurer une sauvegarde... le ramène, tout comme Annuler.",
    "Reps": "Commerciaux",
    "Reps by": "Commerciaux par",
    "Reps by name (A to Z) or by load, busiest first: the weekly work of their markets against the hours they can take. Shift+click a rep's name to switch.":
        "Commerciaux par nom (de A à Z) ou par charge, le plus chargé d'abord : le travail hebdomadaire de "
        "leurs marchés rapporté aux heures qu'ils peuvent prendre. Maj+clic sur le nom d'un commercial pour "
        "basculer.",
    "Reps:": "Commerciaux :",
    "Restore": "Restaurer",
    "Restore a backup": "Restaurer une sauvegarde",
    "Restored the backup {name} ({cause})": "Sauvegarde {name} restaurée ({cause})",
    "Restored the backup {name} ({cause}); the plan it replaced is kept as backup {before}":
        "Sauvegarde {name} restaurée ({cause}) ; le plan remplacé est conservé dans la sauvegarde {before}",
    "Rules": "Règles",
    "Save &As...": "Enregistrer &sous...",
    "Save a copy as": "Enregistrer une copie sous",
    "Save calendar": "Enregistrer le calendrier",
    "Save to:": "Enregistrer dans :",
    "Scenario": "Scénario",
    "Scenario files (*.json)": "Fichiers de scénario (*.json)",
    "Shared hours with {rep}": "Heures partagées avec {rep}",
    "Show every market and rep again; the sort stays":
        "Afficher de nouveau tous les marchés et commerciaux ; le tri reste",
    "Shows the markets and reps whose name contains this text. A text found only in market names keeps every rep, and the other way round.":
        "Affiche les marchés et commerciaux dont le nom contient ce texte. Un texte trouvé seulement dans des "
        "noms de marchés garde tous les commerciaux, et inversement.",
    "Shows the rows in which any cell contains this text": "Affiche les lignes dont une cellule contient ce texte",
    "Stopped": "Arrêté",
    "Stopping...": "Arrêt...",
    "Stretch (everything placed, as if all of it had to be done)": "Étirer (tout placer, comme s'il fallait tout faire)",
    "Stretch (place everything)": "Étirer (tout placer)",
    "T&erritories": "T&erritoires",
    "Team": "Équipe",
    "Territories": "Territoires",
    "The markets and reps whose time zone lies in this region: the Americas, EMEA (Europe, the Middle East and Africa) or APAC (Asia and the Pacific).":
        "Les marchés et commerciaux dont le fuseau horaire se trouve dans cette région : les Amériques, EMEA "
        "(Europe, Moyen-Orient et Afrique) ou APAC (Asie-Pacifique).",
    "This week": "Cette semaine",
    "Tier": "Niveau",
    "Tier {tier}": "Niveau {tier}",
    "Time": "Heure",
    "Time zone": "Fuseau horaire",
    "Today": "Aujourd'hui",
    "Two alternatives side by side: the value they cover, their hours and their workload flags":
        "Deux variantes côte à côte : la valeur qu'elles couvrent, leurs heures et leurs alertes de charge",
    "Unassign {market}": "Retirer {market}",
    "Undid revision {n} ({text}); Ctrl+Z takes it back.": "Révision {n} annulée ({text}) ; Ctrl+Z revient dessus.",
    "Unlock": "Déverrouiller",
    "Value": "Valeur",
    "Value covered": "Valeur couverte",
    "Value of every market": "Valeur de tous les marchés",
    "Value:": "Valeur :",
    "W&orkload": "&Charge",
    "Week": "Semaine",
    "Weeks:": "Semaines :",
    "What if...": "Et si...",
    "What-if {name}": "Et si {name}",
    "Value covered: {value} of {total} ({share}); {covered} of {markets} markets have a rep; the busiest rep is at {util} of capacity.":
        "Valeur couverte : {value} sur {total} ({share}) ; {covered} marchés sur {markets} ont un commercial ; le commercial le plus chargé est à {util} de sa capacité.",
    "What, and why it matters": "Quoi, et pourquoi c'est important",
    "Where to hire next": "Où recruter ensuite",
    "Where:": "Où :",
    "Whose calendar is it?": "À qui est ce calendrier ?",
    "Why": "Motif",
    "Work not placed": "Travail non placé",
    "Work to do": "Travail à faire",
    "Work that does not fit a rep's hours is placed outside them, as the week would be worked: the hours outside working hours are each plan's cost.":
        "Le travail qui ne tient pas dans les heures d'un commercial est placé en dehors, comme la semaine serait travaillée : les heures hors horaires sont le coût de chaque plan.",
    "Work h": "Travail (h)",
    "Work planned (h)": "Travail prévu (h)",
    "Working hours": "Heures de travail",
    "Working out each rep's 13 weeks... {done} of {total}":
        "Calcul des 13 semaines de chaque commercial... {done} sur {total}",
    "Working out each rep's week... {done} of {total}":
        "Calcul de la semaine de chaque commercial... {done} sur {total}",
    "Working out the hours each rep shares with each market... {done} of {total} reps":
        "Calcul des heures que chaque commercial partage avec chaque marché... {done} commerciaux sur {total}",
    "Working out the quarter...": "Calcul du trimestre...",
    "Workload": "Charge",
    "Workload flags": "Alertes de charge",
    "Workload flags, {period}": "Alertes de charge, {period}",
    "Wrote {path}": "{path} écrit",
    "Wrote {path} ({pages} pages, {paper})": "{path} écrit ({pages} pages, {paper})",
    "Wrote:": "Écrit :",
    "W{week} {date}\n▲{critical} ●{warnings}\n{unplaced} h":
        "S{week} {date}\n▲{critical} ●{warnings}\n{unplaced} h",
    "Your clock ({zone}). The market clocks beside it are for {day}: point at another day to see its times.":
        "Votre horloge ({zone}). Les horloges des marchés à côté sont celles du {day} : pointez un autre jour pour voir ses heures.",
    "Your role on this team's plan; the server refuses any change it does not allow":
        "Votre rôle dans le plan de l'équipe ; le serveur refuse toute modification qu'il ne permet pas",
    "Your time: {day} {start}-{end} {zone}": "Votre heure : {day} {start}-{end} {zone}",
    "and {n} more flags": "et {n} autres alertes",
    "app": "application",
    "by a number a week in each market (+1)": "d'un nombre par semaine dans chaque marché (+1)",
    "by a number for each of another activity (+1 per demo)":
        "d'un nombre pour chaque occurrence d'une autre activité (+1 par démo)",
    "by a percentage (-80%)": "d'un pourcentage (-80 %)",
    "command line": "ligne de commande",
    "day": "journée",
    "critical": "critique",
    "e.g. Mon-Fri 09:00-17:00; several ranges: Mon-Thu 07:00-12:00, 13:00-17:00":
        "p. ex. Mon-Fri 09:00-17:00 ; plusieurs plages : Mon-Thu 07:00-12:00, 13:00-17:00",
    "every market": "tous les marchés",
    "flags": "alertes",
    "from PGPASSWORD or ~/.pgpass when empty": "pris dans PGPASSWORD ou ~/.pgpass si vide",
    "iCalendar files (*.ics)": "Fichiers iCalendar (*.ics)",
    "import": "import",
    "in {week}": "en {week}",
    "info": "info",
    "left out": "laissé de côté",
    "locked": "verrouillé",
    "market": "marché",
    "no rep and no candidate hire can take it": "aucun commercial ni aucune embauche candidate ne peut le prendre",
    "nobody": "personne",
    "none": "aucune",
    "not placed h": "h non placées",
    "now": "maintenant",
    "optimiser": "optimiseur",
    "outside h": "h hors horaires",
    "planned h": "h planifiées",
    "rep": "commercial",
    "restore": "restauration",
    "someone": "quelqu'un",
    "to a new duration in minutes (30)": "à une nouvelle durée en minutes (30)",
    "with": "avec",
    "{activity} {add:+d} a week": "{activity} {add:+d} par semaine",
    "{activity} {add:+d} per {per}": "{activity} {add:+d} par {per}",
    "{activity} {percent}%": "{activity} {percent} %",
    "warning": "avertissement",
    "{activity} · {market}, {minutes} min": "{activity} · {market}, {minutes} min",
    "{activity}/week": "{activity}/semaine",
    "{activity}: {minutes} min each": "{activity} : {minutes} min chacune",
    "{author} ({source}): {text}": "{author} ({source}) : {text}",
    "{a} with {b} in {week}: work that does not fit a rep's hours is placed outside them, as the week would be worked.":
        "{a} avec {b} en {week} : le travail qui ne tient pas dans les heures d'un commercial est placé en dehors, comme la semaine serait travaillée.",
    "{before} h and {nb} flags now; {after} h and {na} flags with these markets.":
        "{before} h et {nb} alertes aujourd'hui ; {after} h et {na} alertes avec ces marchés.",
    "{change} in {market}": "{change} en {market}",
    "{count} change(s); Save what-if keeps them as a new alternative.":
        "{count} modification(s) ; « Enregistrer » les garde comme nouvelle variante.",
    "{count} new reps with the team cover every market worth at least {value} ({markets} markets).": "{count} nouveaux commerciaux et l'équipe couvrent chaque marché valant au moins {value} ({markets} marchés).",
    "{count} weeks from {first} to {last}": "{count} semaines du {first} au {last}",
    "{day} {date}": "{day} {date}",
    "{events} events to {path} ({new} new, {changed} changed, {removed} removed)":
        "{events} événements dans {path} ({new} nouveaux, {changed} modifiés, {removed} supprimés)",
    "{hours:g} h a week": "{hours:g} h par semaine",
    "{line} (and {n} more changes)": "{line} (et {n} autres modifications)",
    "{login}: director": "{login} : directeur",
    "{login}: planner of {regions}": "{login} : planificateur de {regions}",
    "{login}: read-only": "{login} : lecture seule",
    "{login}: rep ({rep})": "{login} : commercial ({rep})",
    "{market}: tier {tier}, value {value}, {region}.\nClick: sort the markets by name, then by value, then by tier.":
        "{market} : niveau {tier}, valeur {value}, {region}.\nClic : trier les marchés par nom, puis par "
        "valeur, puis par niveau.",
    "{markets}: {time} {weekday} when it is {hour}:00 {day} for you":
        "{markets} : {time} {weekday} quand il est {hour}:00 {day} pour vous",
    "{name}  —  {path}  —  {week}": "{name}  —  {path}  —  {week}",
    "{name} (open)": "{name} (ouverte)",
    "{name} — Rep Planner": "{name} — Rep Planner",
    "{name}: {zone} ({country}), {hours}, takes {markets}: adds {value}": "{name} : {zone} ({country}), {hours}, prend {markets} : apporte {value}",
    "{n} ({worst})": "{n} ({worst})",
    "{path} exists already; choose a new name.": "{path} existe déjà ; choisissez un autre nom.",
    "{reason}. The plan now shows their change; make yours again if it still applies.":
        "{reason}. Le plan montre maintenant leur modification ; refaites la vôtre si elle s'applique encore.",
    "{rep} ({zone}), {week}: {first} to {last}": "{rep} ({zone}), {week} : du {first} au {last}",
    "{rep} and {market} share {hours:g} h a week; its live work needs {live:g} h.":
        "{rep} et {market} partagent {hours:g} h par semaine ; le travail en direct demande {live:g} h.",
    "{rep}, {week}: {planned} h planned, {unplaced} h of work not placed, {outside} h outside working hours":
        "{rep}, {week} : {planned} h prévues, {unplaced} h de travail non placées, {outside} h hors des heures de travail",
    "{week}: {first} to {last}": "{week} : du {first} au {last}",
    "CSV files (*.csv)": "Fichiers CSV (*.csv)",
    "Excel workbooks (*.xlsx)": "Classeurs Excel (*.xlsx)",
    "Export markets (CSV)...": "Exporter les marchés (CSV)...",
    "Export markets (Excel)...": "Exporter les marchés (Excel)...",
    "Export reps (CSV)...": "Exporter les commerciaux (CSV)...",
    "Export reps (Excel)...": "Exporter les commerciaux (Excel)...",
    "Export to CSV": "Exporter en CSV",
    "Export to Excel": "Exporter vers Excel",
    "Hours": "Heures",
    "Import": "Importer",
    "Import from CSV or Excel": "Importer depuis un CSV ou un classeur Excel",
    "Import markets (CSV or Excel)...": "Importer des marchés (CSV ou Excel)...",
    "Import reps (CSV or Excel)...": "Importer des commerciaux (CSV ou Excel)...",
    "Import {kind} from {file}": "Importer des {kind} depuis {file}",
    "Name": "Nom",
    "Status": "État",
    "new": "nouveau",
    "replaces the existing one": "remplace l'existant",
    "Rows from the sheet “{sheet}”.": "Lignes lues dans la feuille « {sheet} ».",
    "Rows from the sheet “{sheet}”, the first of {n}: none is named “{name}”.":
        "Lignes lues dans la feuille « {sheet} », la première des {n} : aucune ne s'appelle « {name} ».",
    "Spreadsheets (*.csv *.xlsx)": "Feuilles de calcul (*.csv *.xlsx)",
    "{n} problem(s): fix the file and import it again; nothing is imported until every row is right.":
        "{n} problème(s) : corrigez le fichier et importez-le à nouveau ; rien n'est importé tant qu'une ligne est fausse.",
    "unchanged": "inchangé",
    "{n} row(s) ready to import: {added} added, {changed} changed, {unchanged} unchanged.":
        "{n} ligne(s) prêtes à importer : {added} ajoutée(s), {changed} modifiée(s), {unchanged} inchangée(s).",
    "Double-click a cell to change it. Every change is saved at once; Ctrl+Z undoes it.":
        "Double-cliquez sur une cellule pour la modifier. Chaque modification est enregistrée aussitôt ; "
        "Ctrl+Z l'annule.",
    "Work this week": "Travail cette semaine",
    "{hours:g} h": "{hours:g} h",
    "{placed}, {hours:g} h not placed": "{placed}, {hours:g} h non placées",
    "{placed:g} h of work placed in {working:g} h of working time, {week}.":
        "{placed:g} h de travail placées dans {working:g} h de temps de travail, {week}.",
    "{blocks} blocks ({hours:g} h) could not be placed:": "{blocks} blocs ({hours:g} h) n'ont pas pu être placés :",
    "Working time": "Temps de travail",
    "Not placed": "Non placé",
    "{hours} h ({blocks} blocks)": "{hours} h ({blocks} blocs)",
    "{rep}: {hours} h of working time, {unplaced} h of work not placed":
        "{rep} : {hours} h de temps de travail, {unplaced} h de travail non placées",
    "{rep}: {markets} markets, {load:g} h of work a week, {share:.0%} of the {capacity:g} h they can take.\nClick: sort the markets by the hours they share with {rep}, most first.\nShift+click: sort the reps by name, then by load.":
        "{rep} : {markets} marchés, {load:g} h de travail par semaine, {share:.0%} des {capacity:g} h qu'il "
        "peut prendre.\nClic : trier les marchés selon les heures partagées avec {rep}, le plus "
        "d'abord.\nMaj+clic : trier les commerciaux par nom, puis par charge.",
    "{shown} of {markets} markets, {shown_reps} of {reps} reps shown":
        "{shown} marchés sur {markets}, {shown_reps} commerciaux sur {reps} affichés",
    "{shown} of {total} rows shown": "{shown} lignes sur {total} affichées",
    "{rep}: {hours} h of working time, all work placed": "{rep} : {hours} h de temps de travail, tout le travail est placé",
    "no flags.": "aucune alerte.",
    "Fitting markets to time zones: within {gap:.1%} of the best ({seconds:.0f} s)":
        "Ajustement des marchés aux fuseaux horaires : à {gap:.1%} du meilleur ({seconds:.0f} s)",
    "Proven best: no plan covers more value, and none of that value fits the markets' time zones better within the balance band.":
        "Meilleur plan prouvé : aucun plan ne couvre plus de valeur, et aucun plan de cette valeur ne s'accorde "
        "mieux aux fuseaux horaires des marchés dans la marge d'équilibre.",
    "No plan covers more value; the time-zone fit is within {gap:.1%} of the best possible.":
        "Aucun plan ne couvre plus de valeur ; l'accord avec les fuseaux horaires est à {gap:.1%} du meilleur possible.",
    # Publish to a calendar server (ui/publish_dialog.py)
    "&Publish to calendar server...": "&Publier sur un serveur de calendrier...",
    "Calendar address": "Adresse du calendrier",
    "Calendar address:": "Adresse du calendrier :",
    "Certificate to trust": "Certificat à accepter",
    "Certificate to trust:": "Certificat à accepter :",
    "Certificates (*.pem *.crt *.cer);;All files (*)": "Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)",
    "Create the calendar if it is not there": "Créer le calendrier s'il n'existe pas",
    "Dry run: only say what would change": "Essai à blanc : dire seulement ce qui changerait",
    "Kept as it is in the calendar (changed there since): {event}":
        "Laissé tel quel dans le calendrier (modifié là-bas depuis) : {event}",
    "Not published: {event} ({problem})": "Non publié : {event} ({problem})",
    "One calendar per rep, inside this address": "Un calendrier par commercial, dans cette adresse",
    "Password:": "Mot de passe :",
    "Password: type it, or store it in the system keyring":
        "Mot de passe : saisissez-le, ou enregistrez-le dans le trousseau du système",
    "Publish": "Publier",
    "Publish to a calendar server (CalDAV)": "Publier sur un serveur de calendrier (CalDAV)",
    "Publishing: {done} of {total} changes": "Publication : {done} modifications sur {total}",
    "Reading the calendar...": "Lecture du calendrier...",
    "Remember the password in the system keyring": "Enregistrer le mot de passe dans le trousseau du système",
    "Stop": "Arrêter",
    "Stopped. What was published is recorded; publish again to complete it.":
        "Arrêté. Ce qui a été publié est enregistré ; publiez à nouveau pour terminer.",
    "Stopping after the requests under way...": "Arrêt après les requêtes en cours...",
    "The calendar was created.": "Le calendrier a été créé.",
    "The calendar would be created.": "Le calendrier serait créé.",
    "The password is kept in the system keyring.": "Le mot de passe est enregistré dans le trousseau du système.",
    "The publish failed: {problem}": "La publication a échoué : {problem}",
    "There is no system keyring on this computer: the password was not kept.":
        "Cet ordinateur n'a pas de trousseau système : le mot de passe n'a pas été enregistré.",
    "User:": "Utilisateur :",
    "User: give the user name on the calendar server":
        "Utilisateur : indiquez le nom d'utilisateur sur le serveur de calendrier",
    "empty: from the system keyring": "vide : celui du trousseau du système",
    "no font found to write the report's text with: install one (Debian and Ubuntu: apt-get install fonts-dejavu-core)":
        "aucune police trouvée pour écrire le texte du rapport : installez-en une (Debian et Ubuntu : apt-get install "
        "fonts-dejavu-core)",
    "only for a server with its own certificate": "seulement pour un serveur à certificat propre",
    "{n} blocks ({hours} h of work) could not be placed": "{n} blocs ({hours} h de travail) n'ont pas pu être placés",
    "{url}: {created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged":
        "{url} : {created} créés, {updated} modifiés, {deleted} supprimés, {unchanged} inchangés",
    "{url}: {created} to create, {updated} to update, {deleted} to delete, {unchanged} unchanged":
        "{url} : {created} à créer, {updated} à modifier, {deleted} à supprimer, {unchanged} inchangés",
    "{week}: {planned} h planned for the team, {unplaced} h of work not placed, {outside} h outside working hours; {flags} flags ({critical} critical) on {reps} reps":
        "{week} : {planned} h prévues pour l'équipe, {unplaced} h de travail non placées, {outside} h hors des heures de travail ; {flags} alertes ({critical} critiques) sur {reps} commerciaux",
}


def build() -> None:
    import html
    import re
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parent
    root = here.parent.parent
    ts = here / "rep_planner_fr.ts"
    tools = Path(sys.executable).parent
    subprocess.run([str(tools / "pyside6-lupdate"), *sorted(str(p) for p in (root / "ui").glob("*.py")),
                    "-ts", str(ts), "-no-obsolete", "-locations", "none"], check=True, cwd=root)
    text = ts.read_text(encoding="utf-8")

    def fill(match):
        source = html.unescape(match.group(1))
        if source not in FR:
            raise SystemExit(f"no French for {source!r}")
        return f"<source>{match.group(1)}</source>\n        <translation>{html.escape(FR[source], quote=False)}</translation>"

    text = re.sub(r"<source>([^<]*)</source>\s*<translation type=\"unfinished\">[^<]*</translation>", fill, text)
    text = text.replace('language="en_US"', 'language="fr_FR"').replace("<TS version=\"2.1\">", "<TS version=\"2.1\" language=\"fr_FR\">", 1) \
        if 'language="fr_FR"' not in text else text
    ts.write_text(text, encoding="utf-8")
    subprocess.run([str(tools / "pyside6-lrelease"), str(ts), "-qm", str(here / "rep_planner_fr.qm")], check=True)


if __name__ == "__main__":
    build()
