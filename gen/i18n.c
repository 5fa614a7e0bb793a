/* i18n.c - every user-visible word of the PDF and XLSX in nl, en and de, and the
 * number, money and date formats of each language (see i18n.h).
 *
 * Numbers are formatted digit by digit here, never with the C library's locale, so
 * the output is the same under any LC_ALL.  A value is first rounded to 6 decimals
 * (the precision of metrics.csv, §11.26) and then rounded half away from zero to
 * the requested decimals, so a figure in a report is what a reader gets by rounding
 * the same figure in metrics.csv. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "i18n.h"
#include "util.h"

/* One translated text: text[LANG_NL], text[LANG_EN], text[LANG_DE].
 * Templates number their blanks {1} {2} ...; the writer fills them in. */
struct translation {
	const char *key;
	const char *text[3];
};

/* Keys are grouped by the output that uses them.  A writer adds its own block at the
 * end of the table, before the terminating entry. */
static const struct translation translations[] = {
	/* ---- shared words ------------------------------------------------------ */
	{ "month.1",  { "januari", "January", "Januar" } },
	{ "month.2",  { "februari", "February", "Februar" } },
	{ "month.3",  { "maart", "March", "März" } },
	{ "month.4",  { "april", "April", "April" } },
	{ "month.5",  { "mei", "May", "Mai" } },
	{ "month.6",  { "juni", "June", "Juni" } },
	{ "month.7",  { "juli", "July", "Juli" } },
	{ "month.8",  { "augustus", "August", "August" } },
	{ "month.9",  { "september", "September", "September" } },
	{ "month.10", { "oktober", "October", "Oktober" } },
	{ "month.11", { "november", "November", "November" } },
	{ "month.12", { "december", "December", "Dezember" } },
	{ "month_short.1",  { "jan", "Jan", "Jan" } },
	{ "month_short.2",  { "feb", "Feb", "Feb" } },
	{ "month_short.3",  { "mrt", "Mar", "Mär" } },
	{ "month_short.4",  { "apr", "Apr", "Apr" } },
	{ "month_short.5",  { "mei", "May", "Mai" } },
	{ "month_short.6",  { "jun", "Jun", "Jun" } },
	{ "month_short.7",  { "jul", "Jul", "Jul" } },
	{ "month_short.8",  { "aug", "Aug", "Aug" } },
	{ "month_short.9",  { "sep", "Sep", "Sep" } },
	{ "month_short.10", { "okt", "Oct", "Okt" } },
	{ "month_short.11", { "nov", "Nov", "Nov" } },
	{ "month_short.12", { "dec", "Dec", "Dez" } },

	{ "level.1", { "AI-gebruiker", "AI user", "KI-Anwender" } },
	{ "level.2", { "AI-specialist", "AI specialist", "KI-Spezialist" } },
	{ "level.3", { "AI-expert", "AI expert", "KI-Experte" } },
	{ "path.1", { "basisgebruikers", "basic users", "Basisnutzer" } },
	{ "path.2", { "power users", "power users", "Power-User" } },
	{ "path.3", { "AI-champions", "AI champions", "KI-Champions" } },

	{ "dim.tool_knowledge",      { "Toolkennis", "Tool knowledge", "Toolkenntnis" } },
	{ "dim.application_breadth", { "Toepassingsbreedte", "Application breadth", "Anwendungsbreite" } },
	{ "dim.autonomy",            { "Zelfstandigheid", "Autonomy", "Selbstständigkeit" } },
	{ "dim.innovation",          { "Innovatie", "Innovation", "Innovation" } },
	{ "dim.knowledge_sharing",   { "Kennisdeling", "Knowledge sharing", "Wissensteilung" } },

	{ "word.na",         { "n.v.t.", "n/a", "k. A." } },
	{ "word.suppressed", { "—", "—", "—" } },
	{ "word.suppressed_note", { "minder dan {1} personen", "fewer than {1} people",
	                            "weniger als {1} Personen" } },

	/* ---- assessment.pdf ---------------------------------------------------- */
	{ "pdf.title",       { "AI-competentiemeting", "AI competence assessment",
	                       "KI-Kompetenzbewertung" } },
	{ "pdf.subtitle",    { "Kwartaalrapportage {1}", "Quarterly report {1}",
	                       "Quartalsbericht {1}" } },
	{ "pdf.organisation", { "Organisatie", "Organisation", "Organisation" } },
	{ "pdf.period",      { "Periode", "Period", "Zeitraum" } },
	{ "pdf.period_range", { "{1} t/m {2}", "{1} to {2}", "{1} bis {2}" } },
	{ "pdf.date",        { "Datum", "Date", "Datum" } },
	{ "pdf.prepared_by", { "Opgesteld door", "Prepared by", "Erstellt von" } },
	{ "pdf.confidential", { "Vertrouwelijk: bestemd voor het management van {1}.",
	                        "Confidential: prepared for the management of {1}.",
	                        "Vertraulich: erstellt für die Geschäftsleitung von {1}." } },
	{ "pdf.cover_note",  { "Alle groepscijfers volgen de privacyregel: geen cijfer over minder dan {1} personen. Medewerkers zijn niet herleidbaar.",
	                       "All group figures follow the privacy rule: no figure covers fewer than {1} people. No employee can be identified.",
	                       "Alle Gruppenwerte folgen der Datenschutzregel: kein Wert beruht auf weniger als {1} Personen. Beschäftigte sind nicht identifizierbar." } },
	{ "pdf.page",        { "Pagina {1} van {2}", "Page {1} of {2}", "Seite {1} von {2}" } },
	{ "pdf.continued",   { "(vervolg)", "(continued)", "(Fortsetzung)" } },
	{ "pdf.footnote_suppressed", { "— = minder dan {1} personen (privacy)",
	                               "— = fewer than {1} people (privacy)",
	                               "— = weniger als {1} Personen (Datenschutz)" } },
	{ "pdf.not_shown_one",  { "1 afdeling met minder dan {1} personen is niet weergegeven.",
	                          "1 department with fewer than {1} people is not shown.",
	                          "1 Abteilung mit weniger als {1} Personen ist nicht dargestellt." } },
	{ "pdf.not_shown_many", { "{1} afdelingen met minder dan {2} personen zijn niet weergegeven.",
	                          "{1} departments with fewer than {2} people are not shown.",
	                          "{1} Abteilungen mit weniger als {2} Personen sind nicht dargestellt." } },
	{ "pdf.uc_not_shown_one",  { "1 use case met minder dan {1} gebruikers is niet weergegeven.",
	                             "1 use case with fewer than {1} users is not shown.",
	                             "1 Anwendungsfall mit weniger als {1} Nutzenden ist nicht dargestellt." } },
	{ "pdf.uc_not_shown_many", { "{1} use cases met minder dan {2} gebruikers zijn niet weergegeven.",
	                             "{1} use cases with fewer than {2} users are not shown.",
	                             "{1} Anwendungsfälle mit weniger als {2} Nutzenden sind nicht dargestellt." } },
	{ "pdf.source_survey",    { "Bron: enquête {1}, n = {2}", "Source: survey {1}, n = {2}",
	                            "Quelle: Umfrage {1}, n = {2}" } },
	{ "pdf.source_both",      { "Bron: enquête en urenregistratie {1}", "Source: survey and time logs {1}",
	                            "Quelle: Umfrage und Zeiterfassung {1}" } },
	{ "pdf.source_timesheet", { "Bron: urenregistratie {1}", "Source: time logs {1}",
	                            "Quelle: Zeiterfassung {1}" } },
	{ "pdf.source_trend",     { "Bron: enquête en urenregistratie, laatste {1} kwartalen",
	                            "Source: survey and time logs, last {1} quarters",
	                            "Quelle: Umfrage und Zeiterfassung, letzte {1} Quartale" } },
	{ "pdf.source_roi",       { "Bron: urenregistratie en enquête sinds {1}; tarieven en kosten uit de regels",
	                            "Source: time logs and survey since {1}; rates and costs from the rules",
	                            "Quelle: Zeiterfassung und Umfrage seit {1}; Sätze und Kosten aus den Regeln" } },
	{ "pdf.survey_suppressed", { "Minder dan {1} medewerkers vulden de enquête in. De enquête kan daarom niet worden gerapporteerd; dit rapport bevat geen cijfers uit de enquête.",
	                             "Fewer than {1} employees answered the survey. The survey therefore cannot be reported; this report contains no figures based on it.",
	                             "Weniger als {1} Beschäftigte haben an der Umfrage teilgenommen. Die Umfrage kann daher nicht berichtet werden; dieser Bericht enthält keine Werte aus ihr." } },

	{ "sec.cover",     { "Voorblad", "Cover", "Deckblatt" } },
	{ "sec.summary",   { "Managementsamenvatting", "Executive summary", "Management-Zusammenfassung" } },
	{ "sec.adoption",  { "Adoptie", "Adoption", "KI-Nutzung" } },
	{ "sec.maturity",  { "Volwassenheid", "Maturity", "Reifegrad" } },
	{ "sec.savings",   { "Tijdsbesparing", "Time savings", "Zeitersparnis" } },
	{ "sec.roi",       { "Rendement (ROI)", "Return on investment (ROI)", "Rendite (ROI)" } },
	{ "sec.knowledge", { "Kennisoverdracht en behoud", "Knowledge transfer and retention",
	                     "Wissenstransfer und Bindung" } },
	{ "sec.method",    { "Datakwaliteit en methode", "Data quality and method",
	                     "Datenqualität und Methode" } },

	/* KPI tiles */
	{ "kpi.adoption",  { "Adoptie", "Adoption", "KI-Nutzung" } },
	{ "kpi.hours",     { "Uren bespaard per week", "Hours saved per week", "Eingesparte Stunden pro Woche" } },
	{ "kpi.roi",       { "ROI dit kwartaal", "ROI this quarter", "ROI im Quartal" } },
	{ "kpi.roi_cum",   { "ROI cumulatief", "Cumulative ROI", "ROI kumuliert" } },
	{ "kpi.payback",   { "Terugverdientijd", "Payback", "Amortisation" } },
	{ "kpi.maturity",  { "Volwassenheidsindex", "Maturity index", "Reifegradindex" } },
	{ "kpi.month_one", { "1 maand", "1 month", "1 Monat" } },
	{ "kpi.months",    { "{1} maanden", "{1} months", "{1} Monate" } },
	{ "kpi.not_reached", { "nog niet", "not yet", "noch nicht" } },
	{ "kpi.vs_prev",   { "t.o.v. {1}", "vs {1}", "ggü. {1}" } },
	{ "kpi.no_prev",   { "geen vergelijking met vorig kwartaal", "no previous quarter to compare",
	                     "kein Vorquartal zum Vergleich" } },
	{ "kpi.since_start", { "sinds de start ({1})", "since the start ({1})", "seit dem Start ({1})" } },
	{ "kpi.target",    { "doel {1}", "target {1}", "Ziel {1}" } },
	{ "kpi.no_target", { "geen doel vastgelegd", "no target set", "kein Ziel festgelegt" } },
	{ "kpi.reference", { "referentie {1}", "reference {1}", "Referenz {1}" } },
	{ "kpi.of3",       { "van 3", "of 3", "von 3" } },
	{ "kpi.pp",        { "{1} pp", "{1} pp", "{1} Pp." } },
	{ "light.green",   { "op doel", "on target", "im Ziel" } },
	{ "light.amber",   { "bijna op doel", "near target", "knapp unter Ziel" } },
	{ "light.red",     { "onder doel", "below target", "unter Ziel" } },
	{ "light.payback_green", { "binnen 9 maanden", "within 9 months", "innerhalb von 9 Monaten" } },
	{ "light.payback_late",  { "later dan 9 maanden", "later than 9 months", "später als 9 Monate" } },
	{ "light.payback_open",  { "nog binnen de referentie", "still within the reference", "noch im Referenzrahmen" } },
	{ "kpi.after_months",    { "na {1} maanden", "after {1} months", "nach {1} Monaten" } },
	{ "light.payback_red",   { "niet binnen 9 maanden", "not within 9 months", "nach 9 Monaten offen" } },
	{ "ref.payback",   { "6–9 maanden", "6–9 months", "6–9 Monate" } },
	{ "ref.roi",       { "200–400 %", "200–400%", "200–400 %" } },

	/* Findings: one sentence each, built from the figures. */
	{ "find.heading",       { "Bevindingen", "Findings", "Erkenntnisse" } },
	{ "find.adoption_rose", { "De adoptie steeg van {1} naar {2}", "Adoption rose from {1} to {2}",
	                          "Die KI-Nutzung stieg von {1} auf {2}" } },
	{ "find.adoption_fell", { "De adoptie daalde van {1} naar {2}", "Adoption fell from {1} to {2}",
	                          "Die KI-Nutzung sank von {1} auf {2}" } },
	{ "find.adoption_same", { "De adoptie bleef gelijk op {1}", "Adoption stayed at {1}",
	                          "Die KI-Nutzung blieb bei {1}" } },
	{ "find.adoption_now",  { "De adoptie is {1}", "Adoption is {1}", "Die KI-Nutzung liegt bei {1}" } },
	{ "find.tail_met",      { " en haalt het doel van {1}.", " and meets the {1} target.",
	                          " und erreicht das Ziel von {1}." } },
	{ "find.tail_missed",   { ", maar ligt onder het doel van {1}.", " but is below the {1} target.",
	                          ", liegt aber unter dem Ziel von {1}." } },
	{ "find.tail_none",     { ".", ".", "." } },
	{ "find.weakest",       { "{1} is de zwakste dimensie ({2} van 3); {3} is het sterkst ({4}).",
	                          "{1} is the weakest dimension ({2} of 3); {3} is the strongest ({4}).",
	                          "{1} ist die schwächste Dimension ({2} von 3); am stärksten ist {3} ({4})." } },
	{ "find.at_risk_one",   { "Eén use case hangt sterk af van één persoon: {1}.",
	                          "One use case depends heavily on a single person: {1}.",
	                          "Ein Anwendungsfall hängt stark von einer einzelnen Person ab: {1}." } },
	{ "find.at_risk_many",  { "{1} use cases hangen sterk af van één persoon, waaronder {2}.",
	                          "{1} use cases depend heavily on a single person, including {2}.",
	                          "{1} Anwendungsfälle hängen stark von einer einzelnen Person ab, darunter {2}." } },
	{ "find.payback",       { "De cumulatieve ROI is {1}; het programma verdiende zich terug in maand {2} (referentie: 6–9 maanden).",
	                          "Cumulative ROI is {1}; the programme paid for itself in month {2} (reference: 6–9 months).",
	                          "Der kumulierte ROI beträgt {1}; das Programm hat sich in Monat {2} amortisiert (Referenz: 6–9 Monate)." } },
	{ "find.payback_projected", { "De cumulatieve ROI is {1}; in het huidige tempo verdient het programma zich terug in maand {2}.",
	                              "Cumulative ROI is {1}; at the current pace payback falls in month {2}.",
	                              "Der kumulierte ROI beträgt {1}; beim aktuellen Tempo amortisiert sich das Programm in Monat {2}." } },
	{ "find.payback_none",  { "De cumulatieve ROI is {1}; in het huidige tempo verdient het programma zich niet terug.",
	                          "Cumulative ROI is {1}; at the current pace the programme does not pay for itself.",
	                          "Der kumulierte ROI beträgt {1}; beim aktuellen Tempo amortisiert sich das Programm nicht." } },
	{ "find.roi_quarter",   { "De ROI van dit kwartaal is {1} (referentie: 200–400 %).",
	                          "This quarter's ROI is {1} (reference: 200–400%).",
	                          "Der ROI dieses Quartals beträgt {1} (Referenz: 200–400 %)." } },
	{ "find.hours_met",     { "AI bespaart {1} uur per week en haalt het doel van {2} uur.",
	                          "AI saves {1} hours per week and meets the target of {2} hours.",
	                          "KI spart {1} Stunden pro Woche und erreicht das Ziel von {2} Stunden." } },
	{ "find.hours_missed",  { "AI bespaart {1} uur per week, minder dan het doel van {2} uur.",
	                          "AI saves {1} hours per week, short of the {2}-hour target.",
	                          "KI spart {1} Stunden pro Woche, weniger als das Ziel von {2} Stunden." } },
	{ "find.hours_plain",   { "AI bespaart {1} uur per week, samen {2} waard in dit kwartaal.",
	                          "AI saves {1} hours per week, worth {2} this quarter.",
	                          "KI spart {1} Stunden pro Woche, im Quartal {2} wert." } },
	{ "find.negative_one",  { "Bij {1} kost werken met AI netto meer tijd dan zonder ({2} uur per week).",
	                          "In {1}, working with AI takes more time than without ({2} hours per week net).",
	                          "Bei {1} kostet die Arbeit mit KI netto mehr Zeit als ohne ({2} Stunden pro Woche)." } },
	{ "find.negative_many", { "Bij {1} use cases kost werken met AI netto meer tijd dan zonder, waaronder {2}.",
	                          "In {1} use cases working with AI takes more time than without, including {2}.",
	                          "Bei {1} Anwendungsfällen kostet die Arbeit mit KI netto mehr Zeit als ohne, darunter {2}." } },
	{ "find.triangulation", { "In {1} wijken enquête ({2}) en urenregistratie ({3}) sterk van elkaar af.",
	                          "In {1} the survey ({2}) and the time logs ({3}) disagree markedly.",
	                          "In {1} weichen Umfrage ({2}) und Zeiterfassung ({3}) deutlich voneinander ab." } },
	{ "find.response",      { "{1} van de {2} medewerkers vulden de enquête in (respons {3}).",
	                          "{1} of {2} employees answered the survey (response rate {3}).",
	                          "{1} von {2} Beschäftigten haben an der Umfrage teilgenommen (Rücklauf {3})." } },
	{ "find.survey_suppressed", { "Minder dan {1} medewerkers vulden de enquête in; de enquête kan daarom niet worden gerapporteerd.",
	                              "Fewer than {1} employees answered the survey, so it cannot be reported.",
	                              "Weniger als {1} Beschäftigte haben an der Umfrage teilgenommen; sie kann daher nicht berichtet werden." } },
	{ "find.no_ai",         { "In de urenregistratie is dit kwartaal geen werk met AI-ondersteuning vastgelegd.",
	                          "No AI-assisted work was logged this quarter.",
	                          "In diesem Quartal wurde in der Zeiterfassung keine KI-gestützte Arbeit erfasst." } },
	{ "find.costs",         { "Het programma kostte dit kwartaal {1}; de bespaarde tijd is {2} waard.",
	                          "The programme cost {1} this quarter; the time saved is worth {2}.",
	                          "Das Programm kostete in diesem Quartal {1}; die eingesparte Zeit ist {2} wert." } },

	/* Recommended actions: a bold title and one sentence with the reason. */
	{ "act.heading",        { "Aanbevolen acties", "Recommended actions", "Empfohlene Maßnahmen" } },
	{ "act.learning.title", { "Versterk {1} met het leerpad voor {2}", "Strengthen {1} with the {2} learning path",
	                          "{1} mit dem Lernpfad für {2} stärken" } },
	{ "act.learning.text",  { "Met {2} van 3 is {1} de zwakste dimensie; het leerpad voor {3} richt zich juist hierop.",
	                          "At {2} of 3, {1} is the weakest dimension; the {3} learning path addresses exactly this.",
	                          "Mit {2} von 3 ist {1} die schwächste Dimension; der Lernpfad für {3} setzt genau hier an." } },
	{ "act.risk.title",     { "Koppel een tweede gebruiker aan {1}", "Pair a second user with {1}",
	                          "Eine zweite Person für {1} einarbeiten" } },
	{ "act.risk.text_share", { "{2} van de besparing in {1} komt van één persoon; laat via het buddysysteem een collega meewerken, zodat de kennis blijft als die persoon wegvalt.",
	                           "{2} of the savings in {1} come from one person; let a colleague join through the buddy system so the knowledge stays when that person is away.",
	                           "{2} der Einsparung in {1} stammen von einer Person; binden Sie über das Buddy-System eine Kollegin oder einen Kollegen ein, damit das Wissen bleibt, wenn diese Person ausfällt." } },
	{ "act.risk.text_single", { "{1} wordt door één persoon met AI uitgevoerd; laat via het buddysysteem een collega meewerken, zodat de kennis blijft als die persoon wegvalt.",
	                            "{1} is done with AI by one person only; let a colleague join through the buddy system so the knowledge stays when that person is away.",
	                            "{1} wird nur von einer Person mit KI erledigt; binden Sie über das Buddy-System eine Kollegin oder einen Kollegen ein, damit das Wissen bleibt, wenn diese Person ausfällt." } },
	{ "act.pilot.title",    { "Start een pilot-use-case in {1}", "Start a pilot use case in {1}",
	                          "Einen Pilot-Anwendungsfall in {1} starten" } },
	{ "act.pilot.text",     { "De adoptie in {1} is {2}, ver onder het doel van {3}; één concrete use case met een AI-champion als begeleider brengt de afdeling op gang.",
	                          "Adoption in {1} is {2}, far below the {3} target; one concrete use case coached by an AI champion gets the department started.",
	                          "Die KI-Nutzung in {1} liegt mit {2} weit unter dem Ziel von {3}; ein konkreter Anwendungsfall mit einem KI-Champion als Begleitung bringt die Abteilung in Gang." } },
	{ "act.review.title",   { "Herzie het AI-gebruik bij {1}", "Review how AI is used for {1}",
	                          "KI-Einsatz bei {1} überprüfen" } },
	{ "act.review.text",    { "Met AI kost {1} netto meer tijd dan zonder ({2} uur per week); bekijk met de gebruikers de werkwijze, de prompts en de nulmeting.",
	                          "With AI, {1} takes more time than without ({2} hours per week net); review the workflow, the prompts and the baseline with its users.",
	                          "Mit KI dauert {1} netto länger als ohne ({2} Stunden pro Woche); prüfen Sie mit den Nutzenden Arbeitsweise, Prompts und Ausgangswert." } },
	{ "act.buddy.title",    { "Geef elke AI-gebruiker een buddy", "Give every AI user a buddy",
	                          "Jedem KI-Anwender einen Buddy zuordnen" } },
	{ "act.buddy.text",     { "Slechts {1} van de medewerkers op niveau 1 heeft een AI-buddy; een ervaren collega per beginner maakt het geleerde blijvend.",
	                          "Only {1} of the level-1 staff have an AI buddy; one experienced colleague per beginner makes the learning stick.",
	                          "Nur {1} der Beschäftigten auf Stufe 1 haben einen KI-Buddy; eine erfahrene Kollegin oder ein erfahrener Kollege pro Einsteiger macht das Gelernte nachhaltig." } },
	{ "act.baseline.title", { "Leg een nulmeting vast", "Set a baseline", "Einen Ausgangswert festlegen" } },
	{ "act.baseline.text",  { "{1} AI-registraties hebben geen nulmeting en tellen daarom niet mee in de besparing; leg per use case een vaste tijd per item vast in de regels.",
	                          "{1} AI entries have no baseline and therefore count for no savings; set a fixed time per item for each use case in the rules.",
	                          "{1} KI-Einträge haben keinen Ausgangswert und zählen daher nicht zur Einsparung; legen Sie je Anwendungsfall eine feste Zeit pro Einheit in den Regeln fest." } },
	{ "act.scale.title",    { "Schaal {1} op", "Scale up {1}", "{1} ausrollen" } },
	{ "act.scale.text",     { "{1} bespaart {2} uur per week; breng dezelfde werkwijze naar andere teams om sneller terug te verdienen.",
	                          "{1} saves {2} hours per week; bring the same way of working to other teams to reach payback sooner.",
	                          "{1} spart {2} Stunden pro Woche; übertragen Sie die Arbeitsweise auf weitere Teams, um die Amortisation zu beschleunigen." } },
	{ "act.response.title", { "Verhoog de respons op de enquête", "Raise the survey response",
	                          "Die Umfragebeteiligung erhöhen" } },
	{ "act.response.text",  { "Met minder dan {1} respondenten kunnen adoptie en volwassenheid niet worden gerapporteerd; plan de volgende meting met een vast invulmoment in het teamoverleg.",
	                          "With fewer than {1} respondents, adoption and maturity cannot be reported; schedule the next survey with a fixed slot in team meetings.",
	                          "Mit weniger als {1} Teilnehmenden können Nutzung und Reifegrad nicht berichtet werden; planen Sie die nächste Befragung mit einem festen Termin in den Teambesprechungen." } },
	{ "act.log.title",      { "Leg AI-gebruik vast in de urenregistratie", "Record AI use in the time logs",
	                          "KI-Nutzung in der Zeiterfassung festhalten" } },
	{ "act.log.text",       { "Zonder geregistreerde AI-uren is de besparing niet aantoonbaar; laat medewerkers bij elke taak aangeven of AI is gebruikt.",
	                          "Without logged AI hours the savings cannot be shown; have staff mark every task on which AI was used.",
	                          "Ohne erfasste KI-Stunden ist die Einsparung nicht nachweisbar; lassen Sie bei jeder Aufgabe vermerken, ob KI genutzt wurde." } },
	{ "act.share.title",    { "Deel successen in een maandelijkse AI-update", "Share results in a monthly AI update",
	                          "Erfolge in einem monatlichen KI-Update teilen" } },
	{ "act.share.text",     { "Dertig minuten per maand waarin een team een toepassing laat zien, verspreidt kennis en houdt de adoptie op peil.",
	                          "Thirty minutes a month in which one team shows an application spreads knowledge and keeps adoption up.",
	                          "Dreißig Minuten pro Monat, in denen ein Team eine Anwendung vorstellt, verbreiten Wissen und halten die Nutzung hoch." } },
	{ "act.measure.title",  { "Meet volgend kwartaal opnieuw", "Measure again next quarter",
	                          "Im nächsten Quartal erneut messen" } },
	{ "act.measure.text",   { "Herhaal de enquête en de urenanalyse, zodat de trend en de doorstroom tussen de niveaus zichtbaar worden.",
	                          "Repeat the survey and the time-log analysis so that the trend and the movement between levels become visible.",
	                          "Wiederholen Sie Umfrage und Zeitauswertung, damit Trend und Wechsel zwischen den Stufen sichtbar werden." } },
	{ "act.fewer",          { "Uit de cijfers van dit kwartaal volgen geen andere acties.",
	                          "No other actions follow from this quarter's figures.",
	                          "Aus den Zahlen dieses Quartals ergeben sich keine weiteren Maßnahmen." } },

	/* Adoption */
	{ "adopt.intro_survey", { "{1} van de {2} medewerkers gebruiken AI-tools op minstens {3} per week: een adoptie van {4}.",
	                          "{1} of {2} employees use AI tools on at least {3} a week: an adoption rate of {4}.",
	                          "{1} von {2} Beschäftigten nutzen KI-Tools an mindestens {3} pro Woche: eine Nutzungsquote von {4}." } },
	{ "adopt.intro_log",    { "In de urenregistratie is {1} van alle taken met AI-ondersteuning uitgevoerd.",
	                          "In the time logs, {1} of all tasks were done with AI assistance.",
	                          "Laut Zeiterfassung wurden {1} aller Aufgaben mit KI-Unterstützung erledigt." } },
	{ "adopt.intro_response", { "{1} medewerkers vulden de enquête in (respons {2}); gemiddelde tevredenheid over het programma: {3} van 5.",
	                            "{1} employees answered the survey (response rate {2}); average satisfaction with the programme: {3} of 5.",
	                            "{1} Beschäftigte haben an der Umfrage teilgenommen (Rücklauf {2}); durchschnittliche Zufriedenheit mit dem Programm: {3} von 5." } },
	{ "adopt.intro_response_nosat", { "{1} medewerkers vulden de enquête in (respons {2}).",
	                                  "{1} employees answered the survey (response rate {2}).",
	                                  "{1} Beschäftigte haben an der Umfrage teilgenommen (Rücklauf {2})." } },
	{ "unit.day_one",   { "1 dag", "1 day", "1 Tag" } },
	{ "unit.days",      { "{1} dagen", "{1} days", "{1} Tagen" } },
	{ "adopt.chart",    { "Adoptie en aandeel AI-taken per afdeling", "Adoption and share of AI-assisted tasks by department",
	                      "KI-Nutzung und Anteil KI-gestützter Aufgaben je Abteilung" } },
	{ "adopt.trend",    { "Adoptie per kwartaal", "Adoption by quarter", "KI-Nutzung je Quartal" } },
	{ "adopt.table",    { "Afdelingen in cijfers", "Departments in figures", "Abteilungen in Zahlen" } },
	{ "adopt.trend_one", { "De trend verschijnt zodra er meer dan één kwartaal met enquêtegegevens is.",
	                       "The trend appears once there is more than one quarter with survey data.",
	                       "Der Trend erscheint, sobald mehr als ein Quartal mit Umfragedaten vorliegt." } },
	{ "legend.adoption", { "Adoptie (enquête)", "Adoption (survey)", "Nutzung (Umfrage)" } },
	{ "legend.logged",   { "AI-taken (urenregistratie)", "AI-assisted tasks (time logs)", "KI-Aufgaben (Zeiterfassung)" } },
	{ "legend.target",   { "doel {1}", "target {1}", "Ziel {1}" } },
	{ "legend.org",      { "organisatie", "organisation", "Organisation" } },
	{ "legend.benefit",  { "baten", "benefit", "Nutzen" } },
	{ "legend.cost",     { "kosten", "cost", "Kosten" } },

	/* Table columns */
	{ "col.department",  { "Afdeling", "Department", "Abteilung" } },
	{ "col.headcount",   { "Medewerkers", "Employees", "Beschäftigte" } },
	{ "col.respondents", { "Respondenten", "Respondents", "Befragte" } },
	{ "col.active",      { "Actief", "Active", "Aktiv" } },
	{ "col.adoption",    { "Adoptie", "Adoption", "Nutzung" } },
	{ "col.logged",      { "AI-taken", "AI tasks", "KI-Aufgaben" } },
	{ "col.hours_week",  { "Uur/week", "Hours/week", "Std./Woche" } },
	{ "col.hours",       { "Uren", "Hours", "Stunden" } },
	{ "col.value",       { "Waarde", "Value", "Wert" } },
	{ "col.use_case",    { "Use case", "Use case", "Anwendungsfall" } },
	{ "col.ai_users",    { "AI-gebruikers", "AI users", "KI-Nutzende" } },
	{ "col.ai_entries",  { "AI-taken", "AI entries", "KI-Einträge" } },
	{ "col.baseline",    { "Nulmeting min/item", "Baseline min/item", "Ausgangswert Min./Einheit" } },
	{ "col.risk",        { "Risico", "Risk", "Risiko" } },
	{ "col.dimension",   { "Dimensie", "Dimension", "Dimension" } },
	{ "col.mean",        { "Gemiddeld", "Mean", "Mittelwert" } },
	{ "col.level",       { "Niveau", "Level", "Stufe" } },
	{ "col.level_n",     { "Niveau {1}", "Level {1}", "Stufe {1}" } },
	{ "col.share",       { "Aandeel", "Share", "Anteil" } },
	{ "col.path",        { "Aanbevolen leerpad", "Recommended learning path", "Empfohlener Lernpfad" } },
	{ "col.index",       { "Index", "Index", "Index" } },
	{ "col.need",        { "Ontwikkelpunt", "Development need", "Entwicklungsbedarf" } },
	{ "col.item",        { "Post", "Item", "Posten" } },
	{ "col.amount",      { "Bedrag", "Amount", "Betrag" } },
	{ "col.figure",      { "Kengetal", "Figure", "Kennzahl" } },
	{ "col.meaning",     { "Betekenis", "Meaning", "Bedeutung" } },
	{ "col.survey",      { "Enquête", "Survey", "Umfrage" } },
	{ "col.difference",  { "Verschil", "Difference", "Differenz" } },
	{ "col.file",        { "Bestand", "File", "Datei" } },
	{ "col.rows_read",   { "Gelezen", "Read", "Gelesen" } },
	{ "col.rows_used",   { "Gebruikt", "Used", "Verwendet" } },
	{ "col.rows_rejected", { "Afgewezen", "Rejected", "Abgelehnt" } },
	{ "col.rows_superseded", { "Vervangen", "Superseded", "Ersetzt" } },
	{ "col.rule",        { "Regel", "Rule", "Regel" } },
	{ "col.setting",     { "Waarde", "Setting", "Wert" } },

	/* Table headers of the PDF: long single words hyphenated over two lines */
	{ "th.headcount",    { "Mede-\nwerkers", "Employees", "Beschäf-\ntigte" } },
	{ "th.respondents",  { "Respon-\ndenten", "Respon-\ndents", "Befragte" } },
	{ "th.hours_week",   { "Uur/\nweek", "Hours/\nweek", "Std./\nWoche" } },
	{ "th.logged",       { "AI-taken", "AI tasks", "KI-Auf-\ngaben" } },
	{ "th.ai_users",     { "AI-ge-\nbruikers", "AI users", "KI-Nut-\nzende" } },

	/* Maturity */
	{ "mat.intro",       { "De volwassenheidsindex is {1} van 3: het gemiddelde totaalniveau van {2} respondenten.",
	                       "The maturity index is {1} of 3: the mean overall level of {2} respondents.",
	                       "Der Reifegradindex beträgt {1} von 3: die mittlere Gesamtstufe von {2} Befragten." } },
	{ "mat.radar",       { "Volwassenheid per dimensie", "Maturity by dimension",
	                       "Reifegrad je Dimension" } },
	{ "mat.levels",      { "Verdeling over de carrièreniveaus", "Distribution over the career levels",
	                       "Verteilung auf die Karrierestufen" } },
	{ "mat.matrix",      { "Volwassenheidsmatrix: respondenten per dimensie en niveau",
	                       "Maturity matrix: respondents by dimension and level",
	                       "Reifegradmatrix: Befragte je Dimension und Stufe" } },
	{ "mat.heatmap",     { "Volwassenheid per afdeling en dimensie (niveau 1–3)",
	                       "Maturity by department and dimension (level 1–3)",
	                       "Reifegrad je Abteilung und Dimension (Stufe 1–3)" } },
	{ "mat.heatmap_note", { "▼ = ontwikkelpunt: de zwakste dimensie van de afdeling.",
	                        "▼ = development need: the department's weakest dimension.",
	                        "▼ = Entwicklungsbedarf: die schwächste Dimension der Abteilung." } },
	{ "mat.migration",   { "Doorstroom tussen niveaus: {1} → {2}", "Movement between levels: {1} → {2}",
	                       "Wechsel zwischen Stufen: {1} → {2}" } },
	{ "mat.migration_corner", { "vorig kwartaal ↓ · nu →", "previous quarter ↓ · now →",
	                            "Vorquartal ↓ · jetzt →" } },
	{ "mat.migration_note", { "{1} medewerkers deden aan beide metingen mee; {2} stegen een of meer niveaus, {3} daalden.",
	                          "{1} employees took part in both surveys; {2} moved up one or more levels, {3} moved down.",
	                          "{1} Beschäftigte haben an beiden Befragungen teilgenommen; {2} sind um eine oder mehr Stufen aufgestiegen, {3} abgestiegen." } },
	{ "mat.migration_suppressed", { "De doorstroom wordt niet getoond: minder dan {1} medewerkers deden aan beide metingen mee.",
	                                "Movement between levels is not shown: fewer than {1} employees took part in both surveys.",
	                                "Der Wechsel zwischen Stufen wird nicht gezeigt: weniger als {1} Beschäftigte haben an beiden Befragungen teilgenommen." } },
	{ "mat.suppressed",  { "Minder dan {1} respondenten: volwassenheidscijfers worden niet gerapporteerd.",
	                       "Fewer than {1} respondents: maturity figures are not reported.",
	                       "Weniger als {1} Befragte: Reifegradwerte werden nicht berichtet." } },
	{ "mat.path_note",   { "Niveau 1 volgt het leerpad voor basisgebruikers, niveau 2 dat voor power users en niveau 3 dat voor AI-champions.",
	                       "Level 1 follows the basic users learning path, level 2 the power users path and level 3 the AI champions path.",
	                       "Stufe 1 folgt dem Lernpfad für Basisnutzer, Stufe 2 dem für Power-User und Stufe 3 dem für KI-Champions." } },
	{ "mat.path_arrow",  { "→ leerpad {1}", "→ {1} learning path", "→ Lernpfad {1}" } },
	{ "dimhead.tool_knowledge",      { "Tool-\nkennis", "Tool\nknowledge", "Tool-\nkenntnis" } },
	{ "dimhead.application_breadth", { "Toepassings-\nbreedte", "Application\nbreadth", "Anwendungs-\nbreite" } },
	{ "dimhead.autonomy",            { "Zelfstandig-\nheid", "Autonomy", "Selbst-\nständigkeit" } },
	{ "dimhead.innovation",          { "Innovatie", "Innovation", "Innovation" } },
	{ "dimhead.knowledge_sharing",   { "Kennis-\ndeling", "Knowledge\nsharing", "Wissens-\nteilung" } },
	{ "mat.d.tool_knowledge.1",      { "Basis prompten", "Basic prompting", "Grundlegendes Prompten" } },
	{ "mat.d.tool_knowledge.2",      { "Geavanceerde technieken", "Advanced techniques", "Erweiterte Techniken" } },
	{ "mat.d.tool_knowledge.3",      { "Tool-integratie", "Tool integration", "Tool-Integration" } },
	{ "mat.d.application_breadth.1", { "Eén use case", "One use case", "Ein Anwendungsfall" } },
	{ "mat.d.application_breadth.2", { "Meerdere use cases", "Several use cases", "Mehrere Anwendungsfälle" } },
	{ "mat.d.application_breadth.3", { "Afdelingsoverschrijdend", "Across departments", "Abteilungsübergreifend" } },
	{ "mat.d.autonomy.1",            { "Begeleid", "Guided", "Begleitet" } },
	{ "mat.d.autonomy.2",            { "Zelfstandig", "Independent", "Selbstständig" } },
	{ "mat.d.autonomy.3",            { "Mentor voor anderen", "Mentor for others", "Mentor für andere" } },
	{ "mat.d.innovation.1",          { "Bestaande issues oplossen", "Solving existing issues", "Probleme lösen" } },
	{ "mat.d.innovation.2",          { "Processen verbeteren", "Improving processes", "Prozesse verbessern" } },
	{ "mat.d.innovation.3",          { "Nieuwe processen", "Creating new processes", "Neue Prozesse entwickeln" } },
	{ "mat.d.knowledge_sharing.1",   { "Consument", "Consumer", "Konsument" } },
	{ "mat.d.knowledge_sharing.2",   { "Af en toe een bijdrage", "Occasional contributor", "Gelegentliche Beiträge" } },
	{ "mat.d.knowledge_sharing.3",   { "Actieve multiplier", "Active multiplier", "Aktiver Multiplikator" } },

	/* Time savings */
	{ "sav.intro",       { "AI bespaarde dit kwartaal {1} uur, {2} uur per week, met een waarde van {3} (realisatie {4}).",
	                       "AI saved {1} hours this quarter, {2} hours per week, worth {3} (realisation {4}).",
	                       "KI hat in diesem Quartal {1} Stunden gespart, {2} Stunden pro Woche, im Wert von {3} (Realisierung {4})." } },
	{ "sav.intro_cases", { "{1} use cases leverden tijdwinst op, waarvan {2} nieuw in dit kwartaal.",
	                       "{1} use cases saved time, {2} of them new this quarter.",
	                       "{1} Anwendungsfälle haben Zeit gespart, davon {2} neu in diesem Quartal." } },
	{ "sav.table",       { "Use cases naar bespaarde uren", "Use cases by hours saved",
	                       "Anwendungsfälle nach eingesparten Stunden" } },
	{ "sav.chart",       { "Bespaarde uren per week per use case", "Hours saved per week by use case",
	                       "Eingesparte Stunden pro Woche je Anwendungsfall" } },
	{ "sav.risk_note",   { "⚠ = kennis geconcentreerd: één persoon levert minstens {1} van de besparing, of er is maar één AI-gebruiker.",
	                       "⚠ = knowledge concentrated: one person provides at least {1} of the savings, or there is only one AI user.",
	                       "⚠ = Wissen konzentriert: eine Person erbringt mindestens {1} der Einsparung, oder es gibt nur eine KI-nutzende Person." } },
	{ "sav.no_baseline", { "{1} AI-registraties zonder nulmeting tellen niet mee in de besparing.",
	                       "{1} AI entries without a baseline count for no savings.",
	                       "{1} KI-Einträge ohne Ausgangswert zählen nicht zur Einsparung." } },
	{ "sav.none",        { "Dit kwartaal zijn er geen taken met AI-ondersteuning vastgelegd; er is geen tijdsbesparing te tonen.",
	                       "No AI-assisted tasks were logged this quarter; there are no time savings to show.",
	                       "In diesem Quartal wurden keine KI-gestützten Aufgaben erfasst; es gibt keine Zeitersparnis zu zeigen." } },
	{ "sav.trend",       { "Bespaarde uren per week per kwartaal", "Hours saved per week by quarter",
	                       "Eingesparte Stunden pro Woche je Quartal" } },
	{ "sav.negative_note", { "Een negatieve waarde betekent dat taken met AI langer duurden dan de nulmeting.",
	                         "A negative value means tasks with AI took longer than the baseline.",
	                         "Ein negativer Wert bedeutet, dass Aufgaben mit KI länger dauerten als der Ausgangswert." } },

	/* ROI */
	{ "roi.table",       { "Kosten en baten in {1}", "Costs and benefits in {1}", "Kosten und Nutzen in {1}" } },
	{ "roi.training",    { "Training ({1} deelnemers × {2})", "Training ({1} participants × {2})",
	                       "Schulung ({1} Teilnehmende × {2})" } },
	{ "roi.training_one", { "Training (1 deelnemer × {1})", "Training (1 participant × {1})",
	                        "Schulung (1 Teilnehmende × {1})" } },
	{ "roi.training_plain", { "Training", "Training", "Schulung" } },
	{ "roi.licenses",    { "Licenties ({1} actieve gebruikers × {2} × 3 maanden)",
	                       "Licences ({1} active users × {2} × 3 months)",
	                       "Lizenzen ({1} aktive Nutzende × {2} × 3 Monate)" } },
	{ "roi.licenses_one", { "Licenties (1 actieve gebruiker × {1} × 3 maanden)",
	                        "Licences (1 active user × {1} × 3 months)",
	                        "Lizenzen (1 aktive Person × {1} × 3 Monate)" } },
	{ "roi.licenses_plain", { "Licenties", "Licences", "Lizenzen" } },
	{ "roi.fixed",       { "Vaste programmakosten", "Fixed programme cost", "Fixe Programmkosten" } },
	{ "roi.cost_total",  { "Totale kosten", "Total cost", "Gesamtkosten" } },
	{ "roi.hours_saved", { "Bespaarde uren", "Hours saved", "Eingesparte Stunden" } },
	{ "roi.value",       { "Waarde bespaarde tijd (realisatie {1})", "Value of time saved (realisation {1})",
	                       "Wert der eingesparten Zeit (Realisierung {1})" } },
	{ "roi.net",         { "Netto resultaat", "Net result", "Nettoergebnis" } },
	{ "roi.roi_q",       { "ROI dit kwartaal", "ROI this quarter", "ROI im Quartal" } },
	{ "roi.roi_cum",     { "ROI cumulatief sinds {1}", "Cumulative ROI since {1}", "ROI kumuliert seit {1}" } },
	{ "roi.payback",     { "Terugverdiend in maand", "Payback month", "Amortisiert im Monat" } },
	{ "roi.costs",       { "Kosten", "Costs", "Kosten" } },
	{ "roi.benefits",    { "Baten", "Benefits", "Nutzen" } },
	{ "roi.result",      { "Resultaat", "Result", "Ergebnis" } },
	{ "roi.cum_chart",   { "Cumulatieve kosten en baten per maand", "Cumulative cost and benefit by month",
	                       "Kumulierte Kosten und Nutzen je Monat" } },
	{ "roi.band_label",  { "referentie 6–9 maanden", "reference 6–9 months", "Referenz 6–9 Monate" } },
	{ "roi.payback_label", { "terugverdiend: maand {1}", "payback: month {1}", "amortisiert: Monat {1}" } },
	{ "roi.band_chart",  { "ROI tegenover de referentieband van 200–400 %", "ROI against the 200–400% reference band",
	                       "ROI im Vergleich zum Referenzband 200–400 %" } },
	{ "roi.marker",      { "{1} {2}", "{1} {2}", "{1} {2}" } },
	{ "roi.quarter_marker", { "kwartaal", "quarter", "Quartal" } },
	{ "roi.cum_marker",  { "cumulatief", "cumulative", "kumuliert" } },
	{ "roi.no_months",   { "Het programma start na dit kwartaal; er is nog geen cumulatieve reeks.",
	                       "The programme starts after this quarter; there is no cumulative series yet.",
	                       "Das Programm beginnt nach diesem Quartal; es gibt noch keine kumulierte Reihe." } },
	{ "roi.text_payback", { "Het programma verdiende zich terug in maand {1}; de referentie is 6–9 maanden.",
	                        "The programme paid for itself in month {1}; the reference is 6–9 months.",
	                        "Das Programm hat sich in Monat {1} amortisiert; die Referenz liegt bei 6–9 Monaten." } },
	{ "roi.text_no_payback", { "Na {1} maanden zijn de cumulatieve baten nog lager dan de kosten; de referentie voor terugverdienen is 6–9 maanden.",
	                           "After {1} months the cumulative benefit is still below the cost; the reference for payback is 6–9 months.",
	                           "Nach {1} Monaten liegt der kumulierte Nutzen noch unter den Kosten; die Referenz für die Amortisation ist 6–9 Monate." } },
	{ "roi.text_band",   { "De ROI van dit kwartaal is {1}, cumulatief {2}; de referentieband voor AI-programma's in het mkb is 200–400 %.",
	                       "This quarter's ROI is {1}, cumulative {2}; the reference band for AI programmes in SMEs is 200–400%.",
	                       "Der ROI dieses Quartals beträgt {1}, kumuliert {2}; das Referenzband für KI-Programme im Mittelstand liegt bei 200–400 %." } },
	{ "roi.trend",       { "ROI per kwartaal", "ROI by quarter", "ROI je Quartal" } },

	/* Knowledge transfer and retention */
	{ "know.intro",      { "Kennis blijft in het bedrijf als beginners begeleid worden en getrainde medewerkers AI blijven gebruiken.",
	                       "Knowledge stays in the company when beginners are coached and trained staff keep using AI.",
	                       "Wissen bleibt im Unternehmen, wenn Einsteiger begleitet werden und geschulte Beschäftigte KI weiter nutzen." } },
	{ "know.buddy",      { "Buddydekking", "Buddy coverage", "Buddy-Abdeckung" } },
	{ "know.buddy_text", { "aandeel van de medewerkers op niveau 1 met een AI-buddy",
	                       "share of level-1 staff with an AI buddy",
	                       "Anteil der Beschäftigten auf Stufe 1 mit KI-Buddy" } },
	{ "know.mentor",     { "Mentorbelasting", "Mentor load", "Mentorenlast" } },
	{ "know.mentor_text", { "meeste buddies bij één mentor", "most mentees of one mentor",
	                        "meiste Mentees bei einer Person" } },
	{ "know.retention",  { "Behoud na 6 maanden", "6-month retention", "6-Monats-Bindung" } },
	{ "know.retention_text", { "aandeel actief van wie minstens 6 maanden geleden is getraind",
	                           "share still active among staff trained at least 6 months ago",
	                           "Anteil aktiv unter den vor mindestens 6 Monaten Geschulten" } },
	{ "know.satisfaction", { "Tevredenheid", "Satisfaction", "Zufriedenheit" } },
	{ "know.satisfaction_text", { "gemiddelde score over het programma (1–5)", "mean score for the programme (1–5)",
	                              "mittlere Bewertung des Programms (1–5)" } },
	{ "know.triangulation", { "Enquête en urenregistratie per afdeling", "Survey and time logs by department",
	                          "Umfrage und Zeiterfassung je Abteilung" } },
	{ "know.tri_note",   { "Adoptie uit de enquête naast het aandeel AI-taken in de urenregistratie. Een verschil van meer dan 25 procentpunt is het bespreken waard.",
	                       "Adoption from the survey beside the share of AI-assisted tasks in the time logs. A difference of more than 25 percentage points is worth a conversation.",
	                       "Nutzung laut Umfrage neben dem Anteil KI-gestützter Aufgaben in der Zeiterfassung. Eine Differenz von mehr als 25 Prozentpunkten ist ein Gespräch wert." } },
	{ "know.coverage",   { "{1} medewerkers komen alleen in de enquête voor en {2} alleen in de urenregistratie.",
	                       "{1} employees appear only in the survey and {2} only in the time logs.",
	                       "{1} Beschäftigte erscheinen nur in der Umfrage und {2} nur in der Zeiterfassung." } },
	{ "know.mentees",    { "{1} buddies", "{1} mentees", "{1} Mentees" } },

	/* Data quality and method */
	{ "meth.dq",         { "Datakwaliteit", "Data quality", "Datenqualität" } },
	{ "meth.dq_note",    { "Elke ingelezen regel is gebruikt, afgewezen of vervangen door een latere inzending van dezelfde medewerker. Afgewezen regels staan met de reden in rejects.csv.",
	                       "Every row read was used, rejected, or superseded by a later response of the same employee. Rejected rows are listed with the reason in rejects.csv.",
	                       "Jede gelesene Zeile wurde verwendet, abgelehnt oder durch eine spätere Antwort derselben Person ersetzt. Abgelehnte Zeilen stehen mit Grund in rejects.csv." } },
	{ "meth.format",     { "{1} is gelezen als export van {2}.", "{1} was read as a {2} export.",
	                       "{1} wurde als Export aus {2} gelesen." } },
	{ "meth.ids_low",    { "Let op: maar {1} van de {2} mensen in de enquête en van de {3} in de urenregistratie komen in beide bestanden voor. Noemen de bestanden mensen verschillend (e-mailadres en personeelsnummer), koppel ze dan met [identity] map in het regelbestand; tot die tijd tellen dezelfde mensen dubbel en missen cijfers die beide bestanden nodig hebben.",
	                       "Note: only {1} of the {2} people in the survey and of the {3} in the time logs appear in both files. If the files name people differently (e-mail address and personnel number), join them with [identity] map in the rules file; until then the same people count twice and figures that need both files are missing.",
	                       "Hinweis: Nur {1} der {2} Personen der Umfrage und der {3} der Zeiterfassung kommen in beiden Dateien vor. Benennen die Dateien Personen unterschiedlich (E-Mail-Adresse und Personalnummer), verknüpfen Sie sie mit [identity] map in der Regeldatei; bis dahin zählen dieselben Personen doppelt und Zahlen, die beide Dateien brauchen, fehlen." } },
	{ "meth.rules",      { "Regels in dit rapport", "Rules in force", "Geltende Regeln" } },
	{ "meth.defs",       { "Definities", "Definitions", "Definitionen" } },
	{ "meth.privacy",    { "Privacy", "Privacy", "Datenschutz" } },
	{ "meth.privacy_text", { "Geen cijfer over een groep (afdeling, use case) berust op minder dan {1} personen; zo'n cijfer staat als — in de tabellen. Als precies één groep wordt afgeschermd, wordt ook de kleinste andere groep afgeschermd, zodat niets door aftrekken te herleiden is. Medewerkernummers komen in dit rapport niet voor.",
	                         "No figure about a group (department, use case) rests on fewer than {1} people; such a figure is shown as — in the tables. When exactly one group is withheld, the smallest other group is withheld too, so nothing can be recovered by subtraction. Employee ids never appear in this report.",
	                         "Kein Wert über eine Gruppe (Abteilung, Anwendungsfall) beruht auf weniger als {1} Personen; ein solcher Wert erscheint in den Tabellen als —. Wird genau eine Gruppe ausgeblendet, wird auch die kleinste andere Gruppe ausgeblendet, damit sich nichts durch Subtraktion ermitteln lässt. Personalnummern erscheinen in diesem Bericht nicht." } },
	{ "meth.suppressed_counts", { "Afgeschermd in dit rapport: {1} van {2} afdelingen en {3} van {4} use cases.",
	                              "Withheld in this report: {1} of {2} departments and {3} of {4} use cases.",
	                              "In diesem Bericht ausgeblendet: {1} von {2} Abteilungen und {3} von {4} Anwendungsfällen." } },
	{ "meth.asof",       { "Zoals bekend aan het einde van het kwartaal",
	                       "As known at the end of the quarter",
	                       "Stand am Ende des Quartals" } },
	{ "meth.asof_text",  { "Alle cijfers zijn berekend met de gegevens zoals die op {1} bekend waren. Een training die later wordt gemeld, verschijnt in de maandreeks van een volgend rapport en niet alsnog in de trainingskosten van dit kwartaal; cijfers over eerdere maanden kunnen daardoor tussen rapporten verschillen.",
	                       "All figures are computed from the data as known on {1}. A training reported later appears in the monthly series of a later report, not in this quarter's training cost after the fact; figures for earlier months may therefore differ between reports.",
	                       "Alle Werte beruhen auf den Daten mit Stand {1}. Eine später gemeldete Schulung erscheint in der Monatsreihe eines späteren Berichts und nicht nachträglich in den Schulungskosten dieses Quartals; Werte früherer Monate können sich daher zwischen Berichten unterscheiden." } },

	{ "rule.k",          { "Minimale groepsgrootte (k)", "Minimum group size (k)", "Mindestgruppengröße (k)" } },
	{ "rule.headcount",  { "Aantal medewerkers (vast)", "Headcount (fixed)", "Beschäftigtenzahl (fest)" } },
	{ "rule.active_days", { "Actief vanaf AI-dagen per week", "Active from AI days per week",
	                        "Aktiv ab KI-Tagen pro Woche" } },
	{ "rule.active_entries", { "Of actief vanaf AI-taken in het kwartaal", "Or active from AI entries in the quarter",
	                           "Oder aktiv ab KI-Einträgen im Quartal" } },
	{ "rule.off",        { "uit", "off", "aus" } },
	{ "rule.level2",     { "Niveau 2 vanaf score", "Level 2 from score", "Stufe 2 ab Wert" } },
	{ "rule.level3",     { "Niveau 3 vanaf score", "Level 3 from score", "Stufe 3 ab Wert" } },
	{ "rule.overall",    { "Totaalniveau uit vijf dimensies", "Overall level from five dimensions",
	                       "Gesamtstufe aus fünf Dimensionen" } },
	{ "rule.overall.median", { "mediaan", "median", "Median" } },
	{ "rule.overall.min",    { "laagste", "lowest", "niedrigste" } },
	{ "rule.overall.mean",   { "gemiddelde, afgerond", "mean, rounded", "Mittelwert, gerundet" } },
	{ "rule.program_start", { "Start van het programma", "Programme start", "Programmstart" } },
	{ "rule.baseline_window", { "Venster voor de nulmeting", "Baseline window", "Zeitfenster für Ausgangswerte" } },
	{ "rule.baseline_any", { "alle taken zonder AI tot het einde van het kwartaal", "all non-AI entries up to the end of the quarter",
	                         "alle Einträge ohne KI bis zum Quartalsende" } },
	{ "rule.baseline_fixed", { "Vaste nulmeting {1} (min/item)", "Fixed baseline {1} (min/item)",
	                           "Fester Ausgangswert {1} (Min./Einheit)" } },
	{ "rule.rate_default", { "Standaardtarief per uur", "Default hourly rate", "Standardstundensatz" } },
	{ "rule.rate_role",  { "Uurtarief rol {1}", "Hourly rate role {1}", "Stundensatz Rolle {1}" } },
	{ "rule.rate_department", { "Uurtarief afdeling {1}", "Hourly rate department {1}", "Stundensatz Abteilung {1}" } },
	{ "rule.realisation", { "Realisatie van bespaarde tijd", "Realisation of time saved", "Realisierung der eingesparten Zeit" } },
	{ "rule.training",   { "Training per deelnemer", "Training per participant", "Schulung pro Teilnehmenden" } },
	{ "rule.license",    { "Licentie per actieve gebruiker per maand", "Licence per active user per month",
	                       "Lizenz pro aktiver Person und Monat" } },
	{ "rule.fixed",      { "Vaste programmakosten per kwartaal", "Fixed programme cost per quarter",
	                       "Fixe Programmkosten pro Quartal" } },
	{ "rule.concentration", { "Risicogrens kennisconcentratie", "Knowledge concentration threshold",
	                          "Schwelle für Wissenskonzentration" } },
	{ "rule.target_adoption", { "Doel adoptie", "Target adoption", "Ziel KI-Nutzung" } },
	{ "rule.target_hours", { "Doel uren bespaard per week", "Target hours saved per week",
	                         "Ziel eingesparte Stunden pro Woche" } },
	{ "rule.target_roi", { "Doel ROI", "Target ROI", "Ziel ROI" } },
	{ "rule.target_maturity", { "Doel volwassenheid", "Target maturity", "Ziel Reifegrad" } },
	{ "rule.currency",   { "Valuta", "Currency", "Währung" } },

	{ "def.headcount",   { "Medewerkers: vast aantal uit de regels, anders alle verschillende medewerkers in enquête en urenregistratie van het kwartaal.",
	                       "Employees: the fixed headcount from the rules, else every distinct employee in the quarter's survey and time logs.",
	                       "Beschäftigte: die feste Zahl aus den Regeln, sonst alle verschiedenen Personen in Umfrage und Zeiterfassung des Quartals." } },
	{ "def.adoption",    { "Adoptie: actieve medewerkers gedeeld door het aantal medewerkers; actief is wie volgens de enquête op genoeg dagen per week AI gebruikt (of genoeg AI-taken registreert, als die regel aan staat).",
	                       "Adoption: active employees divided by headcount; active means using AI on enough days a week according to the survey (or logging enough AI entries, when that rule is on).",
	                       "KI-Nutzung: aktive Beschäftigte geteilt durch die Beschäftigtenzahl; aktiv ist, wer laut Umfrage an genügend Tagen pro Woche KI nutzt (oder genügend KI-Einträge erfasst, wenn diese Regel aktiv ist)." } },
	{ "def.logged",      { "AI-taken: aandeel van de geregistreerde taken waarbij AI is gebruikt.",
	                       "AI tasks: the share of logged entries on which AI was used.",
	                       "KI-Aufgaben: Anteil der erfassten Einträge, bei denen KI genutzt wurde." } },
	{ "def.baseline",    { "Nulmeting: vaste minuten per item uit de regels, anders de minuten per item van alle taken zonder AI tot het einde van het kwartaal.",
	                       "Baseline: the fixed minutes per item from the rules, else the minutes per item of all non-AI entries up to the end of the quarter.",
	                       "Ausgangswert: feste Minuten pro Einheit aus den Regeln, sonst die Minuten pro Einheit aller Einträge ohne KI bis zum Quartalsende." } },
	{ "def.hours_saved", { "Bespaarde uren: per AI-taak items × nulmeting min de werkelijke minuten, opgeteld; negatieve besparingen tellen eerlijk mee.",
	                       "Hours saved: for each AI entry, items × baseline minus the actual minutes, summed; negative savings count honestly.",
	                       "Eingesparte Stunden: je KI-Eintrag Einheiten × Ausgangswert minus tatsächliche Minuten, aufsummiert; negative Einsparungen zählen ehrlich mit." } },
	{ "def.value",       { "Waarde: bespaarde uren × uurtarief van de medewerker × realisatie.",
	                       "Value: hours saved × the employee's hourly rate × realisation.",
	                       "Wert: eingesparte Stunden × Stundensatz der Person × Realisierung." } },
	{ "def.costs",       { "Kosten: training per deelnemer in de maand van de training, licenties per actieve gebruiker per maand en de vaste programmakosten.",
	                       "Costs: training per participant in the month of the training, licences per active user per month and the fixed programme cost.",
	                       "Kosten: Schulung pro Teilnehmenden im Monat der Schulung, Lizenzen pro aktiver Person und Monat und die fixen Programmkosten." } },
	{ "def.roi",         { "ROI: (waarde − kosten) / kosten; cumulatief over alle maanden sinds de start van het programma.",
	                       "ROI: (value − cost) / cost; cumulative over all months since the programme start.",
	                       "ROI: (Wert − Kosten) / Kosten; kumuliert über alle Monate seit Programmstart." } },
	{ "def.payback",     { "Terugverdientijd: de eerste maand, geteld vanaf de start, waarin de cumulatieve baten de cumulatieve kosten evenaren.",
	                       "Payback: the first month, counted from the start, in which the cumulative benefit reaches the cumulative cost.",
	                       "Amortisation: der erste Monat ab Start, in dem der kumulierte Nutzen die kumulierten Kosten erreicht." } },
	{ "def.level",       { "Niveau per dimensie: 3 vanaf de drempel voor niveau 3, 2 vanaf die voor niveau 2, anders 1; het totaalniveau combineert de vijf dimensies.",
	                       "Level per dimension: 3 from the level-3 threshold, 2 from the level-2 threshold, else 1; the overall level combines the five dimensions.",
	                       "Stufe je Dimension: 3 ab der Schwelle für Stufe 3, 2 ab der für Stufe 2, sonst 1; die Gesamtstufe fasst die fünf Dimensionen zusammen." } },
	{ "def.maturity",    { "Volwassenheidsindex: het gemiddelde totaalniveau van de respondenten (1–3).",
	                       "Maturity index: the mean overall level of the respondents (1–3).",
	                       "Reifegradindex: die mittlere Gesamtstufe der Befragten (1–3)." } },
	{ "def.risk",        { "Risico: een use case hangt af van één persoon als die persoon minstens de risicogrens van de positieve besparing levert, of als er maar één AI-gebruiker is.",
	                       "Risk: a use case depends on one person when that person provides at least the threshold share of its positive savings, or when it has only one AI user.",
	                       "Risiko: ein Anwendungsfall hängt von einer Person ab, wenn sie mindestens den Schwellenanteil der positiven Einsparung erbringt oder es nur eine KI-nutzende Person gibt." } },
	{ "def.buddy",       { "Buddydekking: aandeel van de respondenten op niveau 1 dat een mentor noemt.",
	                       "Buddy coverage: the share of level-1 respondents who name a mentor.",
	                       "Buddy-Abdeckung: Anteil der Befragten auf Stufe 1, die eine Mentorin oder einen Mentor nennen." } },
	{ "def.retention",   { "Behoud na 6 maanden: aandeel actief onder de medewerkers die minstens 182 dagen voor het einde van het kwartaal zijn getraind.",
	                       "6-month retention: the active share among employees trained at least 182 days before the end of the quarter.",
	                       "Bindung nach 6 Monaten: Anteil Aktiver unter den Beschäftigten, die mindestens 182 Tage vor Quartalsende geschult wurden." } },
	{ "def.migration",   { "Doorstroom: medewerkers met een enquête in dit en het vorige kwartaal, naar hun totaalniveau toen en nu.",
	                       "Movement: employees with a survey response in this and the previous quarter, by their overall level then and now.",
	                       "Wechsel: Beschäftigte mit Umfrageantwort in diesem und dem vorigen Quartal, nach ihrer Gesamtstufe damals und jetzt." } },

	/* roi.xlsx */
	{ "xlsx.sheet.summary", { "Samenvatting", "Summary", "Übersicht" } },
	{ "xlsx.sheet.roi", { "ROI", "ROI", "ROI" } },
	{ "xlsx.sheet.departments", { "Afdelingen", "Departments", "Abteilungen" } },
	{ "xlsx.sheet.use_cases", { "Toepassingen", "Use cases", "Anwendungsfälle" } },
	{ "xlsx.sheet.maturity", { "Volwassenheid", "Maturity", "Reifegrad" } },
	{ "xlsx.sheet.trend", { "Trend", "Trend", "Trend" } },
	{ "xlsx.sheet.data_quality", { "Datakwaliteit", "Data quality", "Datenqualität" } },
	{ "xlsx.sheet.employees", { "Medewerkers", "Employees", "Mitarbeitende" } },
	{ "xlsx.title.summary", { "Samenvatting", "Summary", "Übersicht" } },
	{ "xlsx.title.roi", { "ROI-model", "ROI model", "ROI-Modell" } },
	{ "xlsx.title.departments", { "Afdelingen", "Departments", "Abteilungen" } },
	{ "xlsx.title.use_cases", { "Toepassingen", "Use cases", "Anwendungsfälle" } },
	{ "xlsx.title.maturity", { "Volwassenheid", "Maturity", "Reifegrad" } },
	{ "xlsx.title.trend", { "Kwartaaltrend", "Quarter trend", "Quartalstrend" } },
	{ "xlsx.title.data_quality", { "Datakwaliteit en methode",
	                               "Data quality and method",
	                               "Datenqualität und Methode" } },
	{ "xlsx.title.employees", { "Medewerkers", "Employees", "Mitarbeitende" } },
	{ "xlsx.na", { "n.v.t.", "n/a", "k. A." } },
	{ "xlsx.yes", { "ja", "yes", "ja" } },
	{ "xlsx.no", { "nee", "no", "nein" } },
	{ "xlsx.survey_suppressed", { "Minder dan {1} mensen hebben de enquête dit kwartaal ingevuld: de enquête kan niet worden gerapporteerd, daarom staan hier geen cijfers uit de enquête.",
	                              "Fewer than {1} people answered the survey in this quarter: the survey cannot be reported, so no survey-based figures are shown.",
	                              "Weniger als {1} Personen haben die Umfrage in diesem Quartal beantwortet: Die Umfrage kann nicht ausgewertet werden, daher werden keine Umfragewerte gezeigt." } },
	{ "xlsx.privacy.note", { "Cijfers over minder dan {1} mensen worden niet getoond: zo'n cel toont n<{1}.",
	                         "Figures about fewer than {1} people are not shown: such a cell reads n<{1}.",
	                         "Werte über weniger als {1} Personen werden nicht gezeigt: Eine solche Zelle zeigt n<{1}." } },
	{ "xlsx.summary.note", { "Bedragen zijn formules over het blad ROI: wijzig daar een invoer en ze rekenen mee.",
	                         "Money figures are formulas over the ROI sheet: change an input there and they follow.",
	                         "Beträge sind Formeln über das Blatt ROI: Ändern Sie dort eine Eingabe, dann rechnen sie mit." } },
	{ "xlsx.roi.note", { "Gele cellen zijn invoer; alle andere cijfers zijn formules daarover. Namen: rate_default, realisation, value_saved, cost_total, roi, roi_cumulative, payback_months.",
	                     "Yellow cells are inputs; every other figure is a formula over them. Names: rate_default, realisation, value_saved, cost_total, roi, roi_cumulative, payback_months.",
	                     "Gelbe Zellen sind Eingaben; alle anderen Werte sind Formeln darüber. Namen: rate_default, realisation, value_saved, cost_total, roi, roi_cumulative, payback_months." } },
	{ "xlsx.roi.inputs", { "Invoer", "Inputs", "Eingaben" } },
	{ "xlsx.roi.quarter_data", { "Aantallen in het kwartaal",
	                             "Counts for the quarter",
	                             "Anzahlen im Quartal" } },
	{ "xlsx.roi.hours", { "Bespaarde uren per toepassing en tariefklasse (kwartaal)",
	                      "Hours saved per use case and rate class (quarter)",
	                      "Eingesparte Stunden je Anwendungsfall und Satzklasse (Quartal)" } },
	{ "xlsx.roi.results", { "Resultaat van het kwartaal",
	                        "Results for the quarter",
	                        "Ergebnis des Quartals" } },
	{ "xlsx.roi.months", { "Maandreeks sinds de start van het programma",
	                       "Monthly series since the programme start",
	                       "Monatsreihe seit Programmstart" } },
	{ "xlsx.roi.sensitivity", { "Gevoeligheid", "Sensitivity", "Sensitivität" } },
	{ "xlsx.roi.sensitivity.note", { "ROI en terugverdienmaand als de realisatie en alle uurtarieven veranderen; de kosten blijven gelijk. De gele cellen bepalen de scenario's.",
	                                 "ROI and payback month when the realisation and all hourly rates change; costs stay as they are. The yellow cells set the cases.",
	                                 "ROI und Amortisationsmonat, wenn sich Realisierung und alle Stundensätze ändern; die Kosten bleiben gleich. Die gelben Zellen legen die Fälle fest." } },
	{ "xlsx.col.input", { "Invoer", "Input", "Eingabe" } },
	{ "xlsx.col.value", { "Waarde", "Value", "Wert" } },
	{ "xlsx.col.explanation", { "Toelichting", "Explanation", "Erläuterung" } },
	{ "xlsx.col.figure", { "Kengetal", "Figure", "Kennzahl" } },
	{ "xlsx.col.target", { "Doel", "Target", "Ziel" } },
	{ "xlsx.col.reference", { "Referentie", "Reference", "Referenz" } },
	{ "xlsx.in.rate", { "Uurtarief", "Hourly rate", "Stundensatz" } },
	{ "xlsx.in.rate.note", { "integrale kosten per uur van deze klasse",
	                         "loaded cost per hour of this class",
	                         "Vollkosten je Stunde dieser Klasse" } },
	{ "xlsx.in.rate_default.note", { "integrale kosten per uur voor iedereen zonder rol- of afdelingstarief",
	                                 "loaded cost per hour of everyone without a role or department rate",
	                                 "Vollkosten je Stunde für alle ohne Rollen- oder Abteilungssatz" } },
	{ "xlsx.class.default", { "Standaard", "Default", "Standard" } },
	{ "xlsx.class.role", { "Rol", "Role", "Rolle" } },
	{ "xlsx.class.department", { "Afdeling", "Department", "Abteilung" } },
	{ "xlsx.in.realisation", { "Realisatie", "Realisation", "Realisierung" } },
	{ "xlsx.in.realisation.note", { "deel van de bespaarde tijd dat waarde oplevert (0–100 %)",
	                                "share of the saved time that turns into value (0–100 %)",
	                                "Anteil der eingesparten Zeit, der zu Wert wird (0–100 %)" } },
	{ "xlsx.in.training", { "Training per deelnemer",
	                        "Training per participant",
	                        "Schulung je Teilnehmer" } },
	{ "xlsx.in.training.note", { "eenmalig, in de maand van de training",
	                             "one-off, in the month of the training",
	                             "einmalig, im Monat der Schulung" } },
	{ "xlsx.in.licence", { "Licentie per actieve gebruiker per maand",
	                       "Licence per active user and month",
	                       "Lizenz je aktivem Nutzer und Monat" } },
	{ "xlsx.in.licence.note", { "voor elke actieve medewerker",
	                            "for every active employee",
	                            "für alle aktiven Mitarbeitenden" } },
	{ "xlsx.in.fixed", { "Vaste programmakosten per kwartaal",
	                     "Fixed programme cost per quarter",
	                     "Fixe Programmkosten je Quartal" } },
	{ "xlsx.in.fixed.note", { "een derde in elke maand van de reeks",
	                          "a third in every month of the series",
	                          "ein Drittel in jedem Monat der Reihe" } },
	{ "xlsx.in.trainees", { "Medewerkers getraind in het kwartaal",
	                        "Employees trained in the quarter",
	                        "Im Quartal geschulte Mitarbeitende" } },
	{ "xlsx.in.trainees.note", { "eerste AI-training in het kwartaal",
	                             "first AI training dated in the quarter",
	                             "erste KI-Schulung im Quartal" } },
	{ "xlsx.in.active", { "Actieve gebruikers (licenties)",
	                      "Active users (licences)",
	                      "Aktive Nutzer (Lizenzen)" } },
	{ "xlsx.in.active.note", { "medewerkers actief in het kwartaal",
	                           "employees active in the quarter",
	                           "im Quartal aktive Mitarbeitende" } },
	{ "xlsx.col.use_case", { "Toepassing", "Use case", "Anwendungsfall" } },
	{ "xlsx.col.hours_saved", { "Bespaarde uren", "Hours saved", "Eingesparte Stunden" } },
	{ "xlsx.col.gross_value", { "Waarde bij 100 % realisatie",
	                            "Value at 100 % realisation",
	                            "Wert bei 100 % Realisierung" } },
	{ "xlsx.col.value_saved", { "Bespaarde waarde", "Value saved", "Eingesparter Wert" } },
	{ "xlsx.row.rate", { "Uurtarief", "Hourly rate", "Stundensatz" } },
	{ "xlsx.row.total", { "Totaal", "Total", "Summe" } },
	{ "xlsx.row.hidden_use_cases", { "Toepassingen met minder dan {1} AI-gebruikers (samen)",
	                                 "Use cases with fewer than {1} AI users (together)",
	                                 "Anwendungsfälle mit weniger als {1} KI-Nutzern (zusammen)" } },
	{ "xlsx.col.month", { "Maand", "Month", "Monat" } },
	{ "xlsx.col.trainings", { "Trainingen", "Trainings", "Schulungen" } },
	{ "xlsx.col.active", { "Actief", "Active", "Aktiv" } },
	{ "xlsx.col.benefit", { "Opbrengst", "Benefit", "Nutzen" } },
	{ "xlsx.col.cost", { "Kosten", "Cost", "Kosten" } },
	{ "xlsx.col.cum_gross", { "Cumulatieve waarde bij 100 %",
	                          "Cumulative value at 100 %",
	                          "Kumulierter Wert bei 100 %" } },
	{ "xlsx.col.cum_benefit", { "Cumulatieve opbrengst",
	                            "Cumulative benefit",
	                            "Kumulierter Nutzen" } },
	{ "xlsx.col.cum_cost", { "Cumulatieve kosten", "Cumulative cost", "Kumulierte Kosten" } },
	{ "xlsx.col.break_even", { "Break-even bereikt",
	                           "Break-even reached",
	                           "Break-even erreicht" } },
	{ "xlsx.res.hours", { "Bespaarde uren", "Hours saved", "Eingesparte Stunden" } },
	{ "xlsx.res.hours.note", { "netto: tragere AI-registraties tellen negatief",
	                           "net: slower AI entries count negative",
	                           "netto: langsamere KI-Einträge zählen negativ" } },
	{ "xlsx.res.value", { "Bespaarde waarde", "Value saved", "Eingesparter Wert" } },
	{ "xlsx.res.value.note", { "realisatie x uren x uurtarief",
	                           "realisation x hours x hourly rate",
	                           "Realisierung x Stunden x Stundensatz" } },
	{ "xlsx.res.training", { "Trainingskosten", "Training cost", "Schulungskosten" } },
	{ "xlsx.res.training.note", { "getrainde medewerkers x training per deelnemer",
	                              "employees trained x training per participant",
	                              "geschulte Mitarbeitende x Schulung je Teilnehmer" } },
	{ "xlsx.res.licences", { "Licentiekosten", "Licence cost", "Lizenzkosten" } },
	{ "xlsx.res.licences.note", { "actieve gebruikers x licentie x 3 maanden",
	                              "active users x licence x 3 months",
	                              "aktive Nutzer x Lizenz x 3 Monate" } },
	{ "xlsx.res.fixed", { "Vaste kosten", "Fixed cost", "Fixkosten" } },
	{ "xlsx.res.fixed.note", { "vaste programmakosten van het kwartaal",
	                           "fixed programme cost of the quarter",
	                           "fixe Programmkosten des Quartals" } },
	{ "xlsx.res.total", { "Totale kosten", "Total cost", "Gesamtkosten" } },
	{ "xlsx.res.total.note", { "training + licenties + vast",
	                           "training + licences + fixed",
	                           "Schulung + Lizenzen + fix" } },
	{ "xlsx.res.roi", { "ROI (kwartaal)", "ROI (quarter)", "ROI (Quartal)" } },
	{ "xlsx.res.roi.note", { "(waarde - kosten) / kosten; referentie 200–400 %",
	                         "(value - cost) / cost; reference 200–400 %",
	                         "(Wert - Kosten) / Kosten; Referenz 200–400 %" } },
	{ "xlsx.res.roi_cumulative", { "ROI (cumulatief)",
	                               "ROI (cumulative)",
	                               "ROI (kumuliert)" } },
	{ "xlsx.res.roi_cumulative.note", { "sinds de start van het programma, in de laatste maand",
	                                    "since the programme start, at the last month",
	                                    "seit Programmstart, im letzten Monat" } },
	{ "xlsx.res.payback", { "Terugverdienmaand", "Payback month", "Amortisationsmonat" } },
	{ "xlsx.res.payback.note", { "eerste maand waarin de cumulatieve opbrengst de cumulatieve kosten haalt; referentie 6–9",
	                             "first month in which the cumulative benefit reaches the cumulative cost; reference 6–9",
	                             "erster Monat, in dem der kumulierte Nutzen die kumulierten Kosten erreicht; Referenz 6–9" } },
	{ "xlsx.sens.roi", { "ROI naar realisatie (rijen) en wijziging van alle uurtarieven (kolommen)",
	                     "ROI by realisation (rows) and change of all hourly rates (columns)",
	                     "ROI nach Realisierung (Zeilen) und Änderung aller Stundensätze (Spalten)" } },
	{ "xlsx.sens.payback", { "Terugverdienmaand naar realisatie (rijen) en wijziging van alle uurtarieven (kolommen)",
	                         "Payback month by realisation (rows) and change of all hourly rates (columns)",
	                         "Amortisationsmonat nach Realisierung (Zeilen) und Änderung aller Stundensätze (Spalten)" } },
	{ "xlsx.sens.corner", { "Realisatie / tarieven",
	                        "Realisation / rates",
	                        "Realisierung / Sätze" } },
	{ "xlsx.validation.title", { "Invoer", "Input", "Eingabe" } },
	{ "xlsx.validation.nonnegative", { "Vul een getal van 0 of meer in.",
	                                   "Enter a number of 0 or more.",
	                                   "Geben Sie eine Zahl ab 0 ein." } },
	{ "xlsx.validation.percent", { "Vul een percentage van 0 % tot 100 % in.",
	                               "Enter a percentage from 0 % to 100 %.",
	                               "Geben Sie einen Prozentsatz von 0 % bis 100 % ein." } },
	{ "xlsx.validation.change", { "Vul een wijziging van -100 % tot +1000 % in.",
	                              "Enter a change from -100 % to +1000 %.",
	                              "Geben Sie eine Änderung von -100 % bis +1000 % ein." } },
	{ "xlsx.validation.hours", { "Vul een aantal uren in; netto besparingen mogen negatief zijn.",
	                             "Enter a number of hours; net savings may be negative.",
	                             "Geben Sie Stunden ein; Nettoeinsparungen dürfen negativ sein." } },
	{ "xlsx.chart.cumulative", { "Cumulatieve opbrengst en kosten per maand",
	                             "Cumulative benefit and cost by month",
	                             "Kumulierter Nutzen und Kosten je Monat" } },
	{ "xlsx.chart.hours", { "Bespaarde uren per toepassing in het kwartaal",
	                        "Hours saved per use case in the quarter",
	                        "Eingesparte Stunden je Anwendungsfall im Quartal" } },
	{ "xlsx.chart.maturity", { "Volwassenheid per dimensie (gemiddeld niveau 1–3)",
	                           "Maturity by dimension (mean level 1–3)",
	                           "Reifegrad je Dimension (mittlere Stufe 1–3)" } },
	{ "xlsx.chart.organisation", { "Organisatie", "Organisation", "Organisation" } },
	{ "xlsx.chart.data", { "Grafiekgegevens", "Chart data", "Diagrammdaten" } },
	{ "xlsx.chart.left_out", { "Toepassingen met minder dan {1} AI-gebruikers, niet getoond",
	                           "Use cases with fewer than {1} AI users, not shown",
	                           "Anwendungsfälle mit weniger als {1} KI-Nutzern, nicht gezeigt" } },
	{ "xlsx.m.headcount", { "Aantal medewerkers", "Headcount", "Mitarbeiterzahl" } },
	{ "xlsx.m.respondents", { "Respondenten", "Respondents", "Teilnehmende" } },
	{ "xlsx.m.response_rate", { "Respons", "Response rate", "Rücklaufquote" } },
	{ "xlsx.m.active_employees", { "Actieve medewerkers",
	                               "Active employees",
	                               "Aktive Mitarbeitende" } },
	{ "xlsx.m.adoption_rate", { "Adoptie", "Adoption", "Nutzungsquote" } },
	{ "xlsx.m.logged_ai_share", { "AI-aandeel in registraties",
	                              "AI share of logged entries",
	                              "KI-Anteil der Einträge" } },
	{ "xlsx.m.hours_saved", { "Bespaarde uren", "Hours saved", "Eingesparte Stunden" } },
	{ "xlsx.m.hours_saved_per_week", { "Bespaarde uren per week",
	                                   "Hours saved per week",
	                                   "Eingesparte Stunden je Woche" } },
	{ "xlsx.m.value_saved", { "Bespaarde waarde", "Value saved", "Eingesparter Wert" } },
	{ "xlsx.m.cost_training", { "Trainingskosten", "Training cost", "Schulungskosten" } },
	{ "xlsx.m.cost_licenses", { "Licentiekosten", "Licence cost", "Lizenzkosten" } },
	{ "xlsx.m.cost_fixed", { "Vaste kosten", "Fixed cost", "Fixkosten" } },
	{ "xlsx.m.cost_total", { "Totale kosten", "Total cost", "Gesamtkosten" } },
	{ "xlsx.m.roi", { "ROI", "ROI", "ROI" } },
	{ "xlsx.m.roi_cumulative", { "ROI cumulatief", "ROI cumulative", "ROI kumuliert" } },
	{ "xlsx.m.payback_months", { "Terugverdienmaand", "Payback month", "Amortisationsmonat" } },
	{ "xlsx.m.maturity_index", { "Volwassenheidsindex", "Maturity index", "Reifegradindex" } },
	{ "xlsx.m.level_share_1", { "Aandeel op niveau 1",
	                            "Share at level 1",
	                            "Anteil auf Stufe 1" } },
	{ "xlsx.m.level_share_2", { "Aandeel op niveau 2",
	                            "Share at level 2",
	                            "Anteil auf Stufe 2" } },
	{ "xlsx.m.level_share_3", { "Aandeel op niveau 3",
	                            "Share at level 3",
	                            "Anteil auf Stufe 3" } },
	{ "xlsx.m.use_cases_active", { "Actieve toepassingen",
	                               "Active use cases",
	                               "Aktive Anwendungsfälle" } },
	{ "xlsx.m.use_cases_new", { "Nieuwe toepassingen",
	                            "New use cases",
	                            "Neue Anwendungsfälle" } },
	{ "xlsx.m.ai_entries_without_baseline", { "AI-registraties zonder nulmeting",
	                                          "AI entries without baseline",
	                                          "KI-Einträge ohne Basiswert" } },
	{ "xlsx.m.satisfaction_mean", { "Tevredenheid (1–5)",
	                                "Satisfaction (1–5)",
	                                "Zufriedenheit (1–5)" } },
	{ "xlsx.m.buddy_coverage", { "Buddydekking", "Buddy coverage", "Buddy-Abdeckung" } },
	{ "xlsx.m.mentor_max_load", { "Meeste mentees van een mentor",
	                              "Most mentees of one mentor",
	                              "Meiste Mentees eines Mentors" } },
	{ "xlsx.m.retention_6m", { "Behoud na 6 maanden",
	                           "Retention after 6 months",
	                           "Bindung nach 6 Monaten" } },
	{ "xlsx.m.employees_survey_only", { "Medewerkers alleen in de enquête",
	                                    "Employees only in the survey",
	                                    "Mitarbeitende nur in der Umfrage" } },
	{ "xlsx.m.employees_timesheet_only", { "Medewerkers alleen in de urenregistratie",
	                                       "Employees only in the timesheet",
	                                       "Mitarbeitende nur in der Zeiterfassung" } },
	{ "xlsx.m.migration_matched", { "Medewerkers in beide kwartalen",
	                                "Employees in both quarters",
	                                "Mitarbeitende in beiden Quartalen" } },
	{ "xlsx.ref.roi", { "200–400 % (referentie)",
	                    "200–400 % (reference)",
	                    "200–400 % (Referenz)" } },
	{ "xlsx.ref.payback", { "6–9 maanden (referentie)",
	                        "6–9 months (reference)",
	                        "6–9 Monate (Referenz)" } },
	{ "xlsx.col.department", { "Afdeling", "Department", "Abteilung" } },
	{ "xlsx.departments.value_note", { "Bespaarde waarde tegen de tarieven en realisatie uit het regelbestand; het blad ROI rekent met zijn eigen invoer.",
	                                   "Value saved at the rates and realisation of the rules file; the ROI sheet recalculates with its inputs.",
	                                   "Eingesparter Wert zu den Sätzen und der Realisierung der Regeldatei; das Blatt ROI rechnet mit seinen Eingaben." } },
	{ "xlsx.use_cases.note", { "Toepassingen met minder dan {1} AI-gebruikers staan als n<{1}. Nulmeting in minuten per stuk.",
	                           "Use cases with fewer than {1} AI users are shown as n<{1}. Baseline in minutes per item.",
	                           "Anwendungsfälle mit weniger als {1} KI-Nutzern stehen als n<{1}. Basiswert in Minuten je Stück." } },
	{ "xlsx.col.ai_entries", { "AI-registraties", "AI entries", "KI-Einträge" } },
	{ "xlsx.col.ai_users", { "AI-gebruikers", "AI users", "KI-Nutzer" } },
	{ "xlsx.col.baseline_minutes", { "Nulmeting (min/stuk)",
	                                 "Baseline (min/item)",
	                                 "Basiswert (Min./Stück)" } },
	{ "xlsx.col.concentration", { "Concentratie", "Concentration", "Konzentration" } },
	{ "xlsx.col.at_risk", { "Risico", "At risk", "Gefährdet" } },
	{ "xlsx.maturity.note", { "Niveaus 1–3 per dimensie; aandelen zijn formules over de aantallen.",
	                          "Levels 1–3 per dimension; shares are formulas over the counts.",
	                          "Stufen 1–3 je Dimension; Anteile sind Formeln über die Anzahlen." } },
	{ "xlsx.maturity.migration", { "Niveauverschuiving sinds het vorige kwartaal (rijen: van, kolommen: naar)",
	                               "Level migration since the previous quarter (rows: from, columns: to)",
	                               "Stufenwechsel seit dem Vorquartal (Zeilen: von, Spalten: nach)" } },
	{ "xlsx.col.dimension", { "Dimensie", "Dimension", "Dimension" } },
	{ "xlsx.col.mean_level", { "Gemiddeld niveau", "Mean level", "Mittlere Stufe" } },
	{ "xlsx.col.level1", { "Niveau 1", "Level 1", "Stufe 1" } },
	{ "xlsx.col.level2", { "Niveau 2", "Level 2", "Stufe 2" } },
	{ "xlsx.col.level3", { "Niveau 3", "Level 3", "Stufe 3" } },
	{ "xlsx.col.share1", { "Aandeel niveau 1", "Share level 1", "Anteil Stufe 1" } },
	{ "xlsx.col.share2", { "Aandeel niveau 2", "Share level 2", "Anteil Stufe 2" } },
	{ "xlsx.col.share3", { "Aandeel niveau 3", "Share level 3", "Anteil Stufe 3" } },
	{ "xlsx.col.level", { "Niveau", "Level", "Stufe" } },
	{ "xlsx.col.career_level", { "Loopbaanniveau", "Career level", "Karrierestufe" } },
	{ "xlsx.col.learning_path", { "Leerpad", "Learning path", "Lernpfad" } },
	{ "xlsx.col.share", { "Aandeel", "Share", "Anteil" } },
	{ "xlsx.col.from_level", { "Van niveau", "From level", "Von Stufe" } },
	{ "xlsx.col.to_level1", { "Naar niveau 1", "To level 1", "Nach Stufe 1" } },
	{ "xlsx.col.to_level2", { "Naar niveau 2", "To level 2", "Nach Stufe 2" } },
	{ "xlsx.col.to_level3", { "Naar niveau 3", "To level 3", "Nach Stufe 3" } },
	{ "xlsx.trend.note", { "Elk kwartaal berekend met eigen rijen, nulmetingen, tarieven en actieve medewerkers.",
	                       "Each quarter computed with its own rows, baselines, rates and active employees.",
	                       "Jedes Quartal mit eigenen Zeilen, Basiswerten, Sätzen und aktiven Mitarbeitenden berechnet." } },
	{ "xlsx.col.quarter", { "Kwartaal", "Quarter", "Quartal" } },
	{ "xlsx.data_quality.note", { "Elke invoerrij is gebruikt, afgewezen of vervangen; rejects.csv noemt de rijen die niet zijn gebruikt.",
	                              "Every input row is used, rejected or superseded; rejects.csv lists the rows that were not used.",
	                              "Jede Eingabezeile ist verwendet, abgewiesen oder ersetzt; rejects.csv nennt die nicht verwendeten Zeilen." } },
	{ "xlsx.col.file", { "Bestand", "File", "Datei" } },
	{ "xlsx.col.rows_read", { "Rijen gelezen", "Rows read", "Zeilen gelesen" } },
	{ "xlsx.col.rows_used", { "Rijen gebruikt", "Rows used", "Zeilen verwendet" } },
	{ "xlsx.col.rows_rejected", { "Rijen afgewezen", "Rows rejected", "Zeilen abgewiesen" } },
	{ "xlsx.col.rows_superseded", { "Rijen vervangen", "Rows superseded", "Zeilen ersetzt" } },
	{ "xlsx.method", { "Methode", "Method", "Methode" } },
	{ "xlsx.method.as_known", { "Cijfers zijn zoals bekend aan het eind van het kwartaal: een laat gemelde training verschijnt in een later rapport.",
	                            "Figures are as known at the end of the quarter: a training reported late appears in a later report.",
	                            "Werte sind wie am Quartalsende bekannt: Eine spät gemeldete Schulung erscheint in einem späteren Bericht." } },
	{ "xlsx.method.value", { "Bespaarde waarde = bespaarde uren x uurtarief x realisatie; bespaarde minuten = stuks x nulmeting - minuten.",
	                         "Value saved = saved hours x hourly rate x realisation; saved minutes = items x baseline - minutes.",
	                         "Eingesparter Wert = eingesparte Stunden x Stundensatz x Realisierung; eingesparte Minuten = Stück x Basiswert - Minuten." } },
	{ "xlsx.method.program_start", { "Eerste maand van de reeks",
	                                 "First month of the series",
	                                 "Erster Monat der Reihe" } },
	{ "xlsx.method.rules", { "Regelbestand", "Rules file", "Regeldatei" } },
	{ "xlsx.employees.note", { "Persoonsgegevens: deel dit blad alleen met wie daar recht op heeft.",
	                           "Personal data: share this sheet only with those entitled to it.",
	                           "Personenbezogene Daten: Teilen Sie dieses Blatt nur mit Berechtigten." } },
	{ "xlsx.col.employee", { "Medewerker", "Employee", "Mitarbeitende/r" } },
	{ "xlsx.col.role", { "Rol", "Role", "Rolle" } },
	{ "xlsx.col.in_survey", { "In enquête", "In survey", "In Umfrage" } },
	{ "xlsx.col.in_timesheet", { "In urenregistratie", "In timesheet", "In Zeiterfassung" } },
	{ "xlsx.col.rate_class", { "Tariefklasse", "Rate class", "Satzklasse" } },
	{ "xlsx.none.rows", { "Geen rijen.", "No rows.", "Keine Zeilen." } },
	{ "xlsx.none.departments", { "Geen afdelingen in dit kwartaal.",
	                             "No departments in this quarter.",
	                             "Keine Abteilungen in diesem Quartal." } },
	{ "xlsx.none.use_cases", { "Geen toepassingen in dit kwartaal.",
	                           "No use cases in this quarter.",
	                           "Keine Anwendungsfälle in diesem Quartal." } },
	{ "xlsx.none.months", { "Het programma start na dit kwartaal: er is nog geen maandreeks.",
	                        "The programme starts after this quarter: there is no monthly series yet.",
	                        "Das Programm beginnt nach diesem Quartal: Es gibt noch keine Monatsreihe." } },

	{ NULL, { NULL, NULL, NULL } }
};

static int by_key(const void *a, const void *b)
{
	const struct translation *x = *(const struct translation *const *)a;
	const struct translation *y = *(const struct translation *const *)b;
	return strcmp(x->key, y->key);
}

/* The table's entry for key, by binary search over an index sorted on first use
 * (a writer looks up hundreds of labels per report). */
static const struct translation *find_translation(const char *key)
{
	static const struct translation **index;
	static size_t count;
	if (!index) {
		count = sizeof translations / sizeof translations[0] - 1;
		index = xmalloc(count * sizeof(*index));
		for (size_t i = 0; i < count; i++)
			index[i] = &translations[i];
		qsort(index, count, sizeof(*index), by_key);
	}
	struct translation probe = { .key = key };
	const struct translation *p = &probe;
	const struct translation **hit = bsearch(&p, index, count, sizeof(*index), by_key);
	return hit ? *hit : NULL;
}

const char *tr(enum lang lang, const char *key)
{
	if (!key)
		return "";
	if ((unsigned)lang > LANG_DE)
		lang = LANG_EN;
	const struct translation *t = find_translation(key);
	if (!t)
		return key;
	return t->text[lang] && t->text[lang][0] ? t->text[lang] : key;
}

/* The keys of the table, for tests/test_i18n.c (declared in i18n.h). */

size_t i18n_key_count(void)
{
	return sizeof translations / sizeof translations[0] - 1;   /* without the terminator */
}

const char *i18n_key(size_t i)
{
	return i < i18n_key_count() ? translations[i].key : NULL;
}

/* ---- numbers ------------------------------------------------------------- */

static char thousands_sep(enum lang lang) { return lang == LANG_EN ? ',' : '.'; }
static char decimal_sep(enum lang lang) { return lang == LANG_EN ? '.' : ','; }

/* Writes the magnitude q / 10^decimals with grouped thousands into out; neg adds a
 * leading '-'.  q is already rounded. */
static void write_scaled(char *out, size_t outsz, enum lang lang, unsigned long long q,
                         int decimals, int neg)
{
	unsigned long long pow10 = 1;
	for (int i = 0; i < decimals; i++)
		pow10 *= 10;
	unsigned long long ip = q / pow10, fp = q % pow10;

	char digits[32];
	int nd = snprintf(digits, sizeof digits, "%llu", ip);
	char tmp[64];
	size_t n = 0;
	if (neg)
		tmp[n++] = '-';
	for (int i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			tmp[n++] = thousands_sep(lang);
		tmp[n++] = digits[i];
	}
	if (decimals > 0) {
		tmp[n++] = decimal_sep(lang);
		for (int i = decimals - 1; i >= 0; i--) {
			unsigned long long p = 1;
			for (int j = 0; j < i; j++)
				p *= 10;
			tmp[n++] = (char)('0' + (fp / p) % 10);
		}
	}
	tmp[n] = '\0';
	snprintf(out, outsz, "%s", tmp);
}

/* Rounds v * 10^shift to 6 decimals (as metrics.csv does), then to `decimals`
 * decimals half away from zero, and writes it.  shift is 0 for numbers and 2 for
 * percentages. */
static void format_shifted(char *out, size_t outsz, enum lang lang, double v, int shift,
                           int decimals)
{
	if (outsz == 0)
		return;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6 - shift)
		decimals = 6 - shift;
	if (!isfinite(v) || fabs(v) >= 9e12) {
		snprintf(out, outsz, "%s", isfinite(v) ? (v < 0 ? "-∞" : "∞") : "?");
		return;
	}
	/* v in millionths: the precision of metrics.csv. */
	long long micro = llround(v * 1e6);
	unsigned long long mag = (unsigned long long)(micro < 0 ? -micro : micro);
	unsigned long long div = 1;
	for (int i = 0; i < 6 - shift - decimals; i++)
		div *= 10;
	unsigned long long q = (mag + div / 2) / div;
	write_scaled(out, outsz, lang, q, decimals, micro < 0 && q != 0);
}

void format_number(char *out, size_t outsz, enum lang lang, double v, int decimals)
{
	format_shifted(out, outsz, lang, v, 0, decimals);
}

void format_percent(char *out, size_t outsz, enum lang lang, double ratio, int decimals)
{
	char num[64];
	format_shifted(num, sizeof num, lang, ratio, 2, decimals);
	snprintf(out, outsz, lang == LANG_EN ? "%s%%" : "%s %%", num);
}

/* The symbol of the currencies people write with one; others keep their code. */
const char *currency_symbol(const char *currency)
{
	static const struct { const char *code, *symbol; } symbols[] = {
		{ "EUR", "€" }, { "GBP", "£" }, { "USD", "$" },
	};
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
		if (currency && strcmp(currency, symbols[i].code) == 0)
			return symbols[i].symbol;
	return NULL;
}

void format_money(char *out, size_t outsz, enum lang lang, const char *currency,
                  double v, int decimals)
{
	char num[64];
	const char *symbol = currency_symbol(currency);
	const char *code = currency && currency[0] ? currency : "EUR";
	format_number(num, sizeof num, lang, v, decimals);
	const char *mag = num[0] == '-' ? num + 1 : num;
	const char *sign = num[0] == '-' ? "-" : "";
	switch (lang) {
	case LANG_NL:   /* € 1.234,50 and € -1.234,50 */
		snprintf(out, outsz, "%s %s%s", symbol ? symbol : code, sign, mag);
		break;
	case LANG_DE:   /* 1.234,50 € and -1.234,50 € */
		snprintf(out, outsz, "%s%s %s", sign, mag, symbol ? symbol : code);
		break;
	default:        /* €1,234.50, -€1,234.50 and CHF 1,234.50 */
		if (symbol)
			snprintf(out, outsz, "%s%s%s", sign, symbol, mag);
		else
			snprintf(out, outsz, "%s%s %s", sign, code, mag);
		break;
	}
}

/* ---- dates and names ----------------------------------------------------- */

const char *month_name(enum lang lang, int month)
{
	static const char *const keys[12] = {
		"month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
		"month.7", "month.8", "month.9", "month.10", "month.11", "month.12",
	};
	if (month < 1 || month > 12)
		return "";
	return tr(lang, keys[month - 1]);
}

void format_date(char *out, size_t outsz, enum lang lang, int32_t days)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	if (lang == LANG_DE)
		snprintf(out, outsz, "%d. %s %d", d, month_name(lang, m), y);
	else
		snprintf(out, outsz, "%d %s %d", d, month_name(lang, m), y);
}

const char *level_name(enum lang lang, int level)
{
	static const char *const keys[3] = { "level.1", "level.2", "level.3" };
	return level >= 1 && level <= 3 ? tr(lang, keys[level - 1]) : "";
}

const char *learning_path_name(enum lang lang, int level)
{
	static const char *const keys[3] = { "path.1", "path.2", "path.3" };
	return level >= 1 && level <= 3 ? tr(lang, keys[level - 1]) : "";
}

const char *dimension_label(enum lang lang, enum dimension d)
{
	static const char *const keys[DIM_COUNT] = {
		"dim.tool_knowledge", "dim.application_breadth", "dim.autonomy",
		"dim.innovation", "dim.knowledge_sharing",
	};
	return (unsigned)d < DIM_COUNT ? tr(lang, keys[d]) : "";
}
