package demo

// The rest of the demo catalogue: consultants, topics, venues and 42 courses
// beside the two seed modules. The texts are written for the demo in the
// manner of the seeds; the dates are placed by patternDates in load.go.

var consultants = []consultantSpec{
	{Name: "Lone Kragh", JobTitle: "Chefkonsulent", Phone: "+45 21 45 67 89", Email: "lone.kragh@cok.dk"},
	{Name: "Mads Østergaard", JobTitle: "Seniorkonsulent", Phone: "+45 22 31 48 10", Email: "mads.oestergaard@cok.dk"},
	{Name: "Pernille Holm", JobTitle: "Konsulent", Phone: "+45 23 64 12 77", Email: "pernille.holm@cok.dk"},
	{Name: "Henrik Bæk", JobTitle: "Chefkonsulent", Phone: "+45 24 90 33 05", Email: "henrik.baek@cok.dk"},
	{Name: "Sara Jørgensen", JobTitle: "Seniorkonsulent", Phone: "+45 25 17 88 42", Email: "sara.joergensen@cok.dk"},
	{Name: "Anders Lund", JobTitle: "Konsulent", Phone: "+45 26 52 09 61", Email: "anders.lund@cok.dk"},
}

var topics = []topicSpec{
	{"politisk-betjening", "Politisk betjening"},
	{"kommunikation", "Kommunikation"},
	{"ledelse", "Ledelse"},
	{"jura-og-forvaltning", "Jura og forvaltning"},
	{"oekonomi", "Økonomi og styring"},
	{"digitalisering", "Digitalisering"},
	{"beskaeftigelse", "Beskæftigelse"},
	{"boern-og-unge", "Børn og unge"},
	{"sundhed-og-aeldre", "Sundhed og ældre"},
}

var venues = []venueSpec{
	{Key: "odense", Name: "Frederik VI's Hotel", Street: "Rugårdsvej 590", Postcode: "5210", City: "Odense NV", Region: "syddanmark"},
	{Key: "kobenhavn", Name: "Scandic Copenhagen", Street: "Vester Søgade 6", Postcode: "1601", City: "København V", Region: "hovedstaden"},
	{Key: "aarhus", Name: "Scandic Aarhus City", Street: "Østergade 10", Postcode: "8000", City: "Aarhus C", Region: "midtjylland"},
	{Key: "aalborg", Name: "Scandic Aalborg City", Street: "Europa Plads 1", Postcode: "9000", City: "Aalborg", Region: "nordjylland"},
	{Key: "roskilde", Name: "Comwell Roskilde", Street: "Vestre Kirkevej 12", Postcode: "4000", City: "Roskilde", Region: "sjaelland"},
	{Key: "kolding", Name: "Comwell Kolding", Street: "Skovbrynet 1", Postcode: "6000", City: "Kolding", Region: "syddanmark"},
	{Key: "middelfart", Name: "Hindsgavl Slot", Street: "Hindsgavl Allé 7", Postcode: "5500", City: "Middelfart", Region: "syddanmark"},
}

const (
	coversOneDay = "undervisning, materialer og forplejning"
	coversTwoDay = "undervisning, materialer, forplejning samt overnatning"
	formMixed    = "Undervisningen veksler mellem korte oplæg, øvelser på egne cases og erfaringsudveksling med kolleger fra andre kommuner. Du får materialer og værktøjer, som du kan bruge, når du er tilbage på arbejdspladsen."
	formWorkshop = "Kurset er bygget op som en workshop. Du arbejder med dine egne opgaver fra hverdagen, får feedback fra underviseren og sparrer med de andre deltagere."
	formDialog   = "Undervisningen bygger på dialog, cases fra kommunal praksis og korte oplæg. Du forbereder dig ved at tage en konkret sag eller et dilemma fra din hverdag med."
)

// day builds a one-day agenda around the course's themes, the usual rhythm
// of a COK course day.
func day(speaker string, themes ...string) []agendaDaySpec {
	times := []string{"09:30", "11:00", "12:45", "14:00"}
	items := []agendaItemSpec{{At: "09:00", Title: "Ankomst, kaffe og morgenbrød"}}
	for i, th := range themes {
		if i == len(times) {
			break
		}
		if times[i] == "12:45" {
			items = append(items, agendaItemSpec{At: "12:00", Title: "Frokost"})
		}
		items = append(items, agendaItemSpec{At: times[i], Title: th, Speaker: speaker})
	}
	items = append(items, agendaItemSpec{At: "15:00", Title: "Opsamling og tak for i dag"})
	return []agendaDaySpec{{Items: items}}
}

// twoDays builds a two-day agenda (08:45 day one to 15:00 day two).
func twoDays(speaker string, themes ...string) []agendaDaySpec {
	first := []agendaItemSpec{{At: "08:45", Title: "Ankomst, kaffe og morgenbrød"}, {At: "09:15", Title: "Velkomst og forventninger", Speaker: "COK"}}
	second := []agendaItemSpec{{At: "08:00", Title: "Morgenmad"}}
	slots1 := []string{"10:00", "13:00", "15:00"}
	slots2 := []string{"09:00", "10:45", "13:00"}
	for i, th := range themes {
		switch {
		case i < len(slots1):
			if slots1[i] == "13:00" {
				first = append(first, agendaItemSpec{At: "12:00", Title: "Frokost"})
			}
			first = append(first, agendaItemSpec{At: slots1[i], Title: th, Speaker: speaker})
		case i-len(slots1) < len(slots2):
			s := slots2[i-len(slots1)]
			if s == "13:00" {
				second = append(second, agendaItemSpec{At: "12:00", Title: "Frokost"})
			}
			second = append(second, agendaItemSpec{At: s, Title: th, Speaker: speaker})
		}
	}
	first = append(first, agendaItemSpec{At: "18:30", Title: "Middag"})
	second = append(second, agendaItemSpec{At: "14:30", Title: "Opsamling: Hvad tager du med hjem?"})
	return []agendaDaySpec{{Items: first}, {Items: second}}
}

var courses = []courseSpec{
	// Politisk betjening
	{
		Slug: "skriv-til-politikerne", Title: "Skriv til politikerne – sagsfremstillinger der virker",
		Teaser:       "Lær at skrive klare dagsordenspunkter og sagsfremstillinger, som politikerne kan træffe beslutninger på.",
		Audience:     "Sagsbehandlere, konsulenter og ledere, der skriver dagsordenspunkter til udvalg og byråd.",
		Description:  "En god sagsfremstilling giver politikerne et klart beslutningsgrundlag: hvad skal de tage stilling til, hvilke muligheder er der, og hvad betyder de.\n\nPå kurset arbejder du med opbygning, sprog og indstillinger, og du får redskaber til at skrive kort uden at udelade det, politikerne har brug for at vide.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Den gode struktur: problem, løsninger, konsekvenser og indstilling", "Klart sprog og korte sætninger", "Hvordan du beskriver handlemuligheder neutralt", "Feedback på din egen sagsfremstilling"},
		TeachingForm: formWorkshop, PriceKr: 3450, PriceCovers: coversOneDay, Consultant: "lone.kragh@cok.dk",
		Topics: []string{"politisk-betjening", "kommunikation"}, Days: 1, Venues: []string{"aarhus", "kobenhavn", "odense"}, Capacity: 24,
		Agenda: day("Marie Kruse, tekstforfatter", "Hvad har politikerne brug for?", "Struktur og indstilling", "Klart sprog i praksis", "Skriveværksted med feedback"),
	},
	{
		Slug: "udvalgssekretaer", Title: "Den professionelle udvalgssekretær",
		Teaser:       "Få styr på rollen som udvalgssekretær: dagsordener, mødeledelse bag kulisserne og det gode samarbejde med formanden.",
		Audience:     "Udvalgssekretærer og medarbejdere, der betjener politiske udvalg, nye som erfarne.",
		Description:  "Udvalgssekretæren er bindeleddet mellem udvalg, formand og forvaltning. Rollen kræver overblik, politisk tæft og sikker viden om reglerne for udvalgenes arbejde.\n\nKurset giver dig værktøjer til planlægning af møder, referater og beslutningsprotokol, og du får erfaringer fra andre kommuner.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Styrelsesloven og forretningsordenen i praksis", "Dagsorden, beslutningsprotokol og opfølgning", "Samarbejdet med udvalgsformanden", "Når politik og jura mødes: habilitet og tavshedspligt"},
		TeachingForm: formDialog, PriceKr: 6250, PriceCovers: coversTwoDay, Consultant: "lone.kragh@cok.dk",
		Topics: []string{"politisk-betjening", "jura-og-forvaltning"}, Days: 2, Venues: []string{"middelfart", "roskilde"}, Capacity: 28,
		Agenda: twoDays("Jacob Vase, Vase Consulting", "Udvalgssekretærens rolle", "Regler for udvalgenes arbejde", "Dagsorden og beslutningsprotokol", "Samarbejdet med formanden", "Habilitet og tavshedspligt", "Cases fra andre kommuner"),
	},
	{
		Slug: "borgmestersekretariatet", Title: "Arbejdet i borgmestersekretariatet",
		Teaser:       "Netværk og kompetenceudvikling for medarbejdere tæt på borgmesteren: taler, presse, kalender og krisehåndtering.",
		Audience:     "Medarbejdere i borgmestersekretariater og direktionssekretariater.",
		Description:  "Arbejdet tæt på borgmesteren er fuld af hurtige skift mellem det strategiske og det praktiske. Kurset giver dig metoder til at prioritere, skrive taler og håndtere sager, der pludselig bliver politiske.\n\nDu møder kolleger fra hele landet og får et netværk, du kan bruge bagefter.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Taleskrivning til borgmesteren", "Pressehåndtering og sager der eskalerer", "Prioritering og kalenderstyring", "Neutralitet og loyalitet i rollen"},
		TeachingForm: formDialog, PriceKr: 3950, PriceCovers: coversOneDay, Consultant: "lone.kragh@cok.dk",
		Topics: []string{"politisk-betjening"}, Days: 1, Venues: []string{"kolding", "kobenhavn"}, Capacity: 20,
		Agenda: day("Tine Sønderby, tidl. kommunikationschef", "Rollen tæt på borgmesteren", "Taler der kan holdes", "Når sagen eskalerer", "Netværk og erfaringsudveksling"),
	},
	{
		Slug: "ny-i-politisk-styret-organisation", Title: "Ny i en politisk styret organisation",
		Teaser:       "Forstå, hvordan kommunen træffer beslutninger, og hvad det betyder for dit arbejde som ny medarbejder.",
		Audience:     "Nye medarbejdere i kommunale forvaltninger, som ikke før har arbejdet i en politisk styret organisation.",
		Description:  "I en kommune er det politikerne, der har det sidste ord. Det påvirker både opgaverne, tempoet og den måde, du skriver og rådgiver på.\n\nKurset giver dig grundlaget: kommunalbestyrelsen, udvalgene, forvaltningen og din rolle som embedsmand.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Den kommunale styringsmodel", "Politikerens og embedsmandens roller", "Den politiske årscyklus og budgettet", "Dine pligter som offentligt ansat"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"politisk-betjening", "jura-og-forvaltning"}, Days: 1, Venues: []string{"aalborg", "odense", "roskilde"}, Capacity: 30,
		Agenda: day("Pernille Holm, COK", "Kommunen som politisk organisation", "Roller og pligter", "Året i kommunen: budget og beslutninger", "Dilemmaer fra hverdagen"),
	},
	// Kommunikation
	{
		Slug: "klart-sprog-i-breve-til-borgerne", Title: "Klart sprog i breve til borgerne",
		Teaser:       "Skriv afgørelser og breve, som borgerne forstår første gang, uden at gå på kompromis med juraen.",
		Audience:     "Sagsbehandlere og administrative medarbejdere, der skriver til borgere og virksomheder.",
		Description:  "Uklare breve skaber opkald, klager og usikkerhed. Med enkle greb kan du skrive, så modtageren forstår, hvad der er besluttet, og hvad der skal ske nu.\n\nDu arbejder med dine egne breve og skabeloner og går hjem med en tjekliste til klart sprog.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Modtagerens spørgsmål først", "Aktivt sprog og konkrete ord", "Afgørelser der både er klare og juridisk korrekte", "Omskrivning af dine egne skabeloner"},
		TeachingForm: formWorkshop, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "mads.oestergaard@cok.dk",
		Topics: []string{"kommunikation", "jura-og-forvaltning"}, Days: 1, Venues: []string{"aarhus", "kobenhavn", "kolding"}, Capacity: 24,
		Agenda: day("Mads Østergaard, COK", "Hvorfor borgerne ringer", "Modtageren først", "Klart sprog i afgørelser", "Værksted: dine egne breve"),
	},
	{
		Slug: "pressehaandtering-for-kommunale-ledere", Title: "Pressehåndtering for kommunale ledere",
		Teaser:       "Bliv tryg ved at stille op til interview – også når sagen er svær – med træning foran kamera.",
		Audience:     "Ledere og nøglemedarbejdere, der kan blive kontaktet af pressen.",
		Description:  "Journalisten ringer, og sagen er kompliceret. Hvad må du sige, og hvordan siger du det, så budskabet står klart?\n\nKurset kombinerer viden om mediernes logik med praktisk træning foran kamera og mikrofon, med feedback fra en erfaren journalist.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Mediernes logik og nyhedskriterier", "Budskaber og citater der holder", "Interviewtræning foran kamera", "Samspillet med kommunikationsafdelingen og politikerne"},
		TeachingForm: "Kurset er praktisk: du bliver interviewet flere gange foran kamera og får individuel feedback. Der er højst 12 deltagere.", PriceKr: 4750, PriceCovers: coversOneDay, Consultant: "mads.oestergaard@cok.dk",
		Topics: []string{"kommunikation", "ledelse"}, Days: 1, Venues: []string{"kobenhavn", "aarhus"}, Capacity: 12,
		Agenda: day("Line Abildgaard, journalist", "Sådan tænker journalisten", "Dit budskab på 20 sekunder", "Interviewtræning foran kamera", "Den svære sag"),
	},
	{
		Slug: "borgerinddragelse-i-praksis", Title: "Borgerinddragelse i praksis",
		Teaser:       "Planlæg inddragelse, der gør en forskel: fra borgermøder til digitale høringer og dialog med unge.",
		Audience:     "Planlæggere, projektledere og konsulenter, der involverer borgere i kommunens beslutninger.",
		Description:  "Borgerinddragelse kan styrke beslutningerne og tilliden til kommunen, men kun hvis rammerne er klare fra begyndelsen.\n\nPå kurset får du metoder til at vælge den rette form for inddragelse og til at afstemme forventningerne med både politikere og borgere.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Inddragelsestrappen: fra information til medbestemmelse", "Metoder til borgermøder, workshops og digitale høringer", "Forventningsafstemning med politikerne", "Hvordan du når dem, der sjældent deltager"},
		TeachingForm: formMixed, PriceKr: 3250, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"kommunikation", "politisk-betjening"}, Days: 1, Venues: []string{"roskilde", "aalborg"}, Capacity: 24,
		Agenda: day("Sara Jørgensen, COK", "Hvorfor inddrage?", "Vælg den rette metode", "Rammer og forventninger", "Plan for dit eget projekt"),
	},
	{
		Slug: "sociale-medier-i-kommunen", Title: "Sociale medier i kommunen",
		Teaser:       "Strategi, tone og moderation på kommunens sociale medier – og hvad du gør, når debatten koger over.",
		Audience:     "Kommunikationsmedarbejdere og redaktører af kommunens profiler på sociale medier.",
		Description:  "Kommunens profiler på sociale medier er et vigtigt sted for dialog med borgerne. Det stiller krav til tone, svartid og moderation – og til kendskab til reglerne for offentlige myndigheder.\n\nDu får konkrete værktøjer til indholdsplan, debatregler og krisekommunikation.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Strategi og indholdsplan", "Tone og svar til borgerne", "Debatregler, moderation og ytringsfrihed", "Krisekommunikation på sociale medier"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "mads.oestergaard@cok.dk",
		Topics: []string{"kommunikation", "digitalisering"}, Days: 1, Venues: []string{"odense", "kobenhavn"}, Capacity: 24,
	},
	{
		Slug: "formidling-med-data-og-grafik", Title: "Formidling med data og grafik",
		Teaser:       "Gør tal forståelige for politikere og borgere med enkle grafer og tydelige pointer.",
		Audience:     "Konsulenter og analytikere, der formidler tal i notater, dagsordener og præsentationer.",
		Description:  "Tal overbeviser, når de er lette at forstå. På kurset lærer du at vælge den rette graf, skære det overflødige væk og skrive pointen i overskriften.\n\nDu arbejder i Excel og PowerPoint med eksempler fra kommunale nøgletal.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Fra tal til pointe", "Den rette graf til budskabet", "Tilgængelige grafer og farver", "Nøgletal i dagsordener og notater"},
		TeachingForm: formWorkshop, PriceKr: 3250, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"kommunikation", "oekonomi"}, Days: 1, Venues: []string{"aarhus"}, Capacity: 20,
	},
	// Ledelse
	{
		Slug: "ny-leder-i-kommunen", Title: "Ny leder i kommunen",
		Teaser:       "Et solidt fundament for dit første år som leder: rolle, relationer, drift og dig selv.",
		Audience:     "Nye ledere i kommunale institutioner og forvaltninger med under to års ledererfaring.",
		Description:  "Overgangen fra kollega til leder er en af de største i et arbejdsliv. Du skal finde din rolle, skabe tillid og samtidig få driften til at køre.\n\nKurset giver dig redskaber til de første samtaler, de svære beslutninger og samarbejdet med din egen leder.\n\n## Et netværk af ligesindede\n\nDu arbejder i en fast gruppe af nye ledere fra andre kommuner, som I kan fortsætte efter kurset.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Lederrollen og din egen lederidentitet", "Fra kollega til leder", "Den svære samtale", "Drift, økonomi og arbejdsmiljø som leder", "Ledelse opad og på tværs"},
		TeachingForm: formDialog, PriceKr: 7450, PriceCovers: coversTwoDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"ledelse"}, Days: 2, Venues: []string{"middelfart", "aalborg", "roskilde"}, Capacity: 24,
		Agenda: twoDays("Henrik Bæk, COK", "Lederrollen", "Fra kollega til leder", "Den svære samtale", "Drift og arbejdsmiljø", "Ledelse opad og på tværs", "Din plan for det første år"),
	},
	{
		Slug: "ledelse-af-ledere", Title: "Ledelse af ledere",
		Teaser:       "Når dine medarbejdere selv er ledere, skal du lede gennem andre. Få greb om strategisk retning og ledelsesrum.",
		Audience:     "Chefer og ledere, der har ledere som medarbejdere.",
		Description:  "At lede ledere kræver andre greb end at lede medarbejdere. Du skal skabe retning, give ledelsesrum og samtidig holde fast i helheden.\n\nKurset bygger på forskning i offentlig ledelse og på deltagernes egne dilemmaer.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Strategisk retning og oversættelse", "Ledelsesrum og tillid", "Ledergruppen som team", "Sparring og udvikling af dine ledere"},
		TeachingForm: formDialog, PriceKr: 8250, PriceCovers: coversTwoDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"ledelse"}, Days: 2, Venues: []string{"middelfart"}, Capacity: 20,
		Agenda: twoDays("Lotte Bøgh Andersen, professor", "Offentlig ledelse i dag", "Strategisk retning", "Ledelsesrum og tillid", "Ledergruppen som team", "Sparring med dine ledere"),
	},
	{
		Slug: "trivsel-og-arbejdsmiljoe-for-ledere", Title: "Trivsel og psykisk arbejdsmiljø – for ledere",
		Teaser:       "Forebyg stress og skab et godt psykisk arbejdsmiljø med metoder, der passer til en travl hverdag.",
		Audience:     "Ledere og arbejdsmiljørepræsentanter i kommunale arbejdspladser.",
		Description:  "Et godt psykisk arbejdsmiljø er både en pligt og en forudsætning for god kvalitet i opgaverne.\n\nPå kurset lærer du at se tegn på mistrivsel tidligt, tale om arbejdsmængde og prioritering og bruge arbejdsmiljøarbejdet aktivt.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Tegn på stress og mistrivsel", "Samtalen om arbejdsmængde", "Reglerne om psykisk arbejdsmiljø", "Handleplan for din arbejdsplads"},
		TeachingForm: formMixed, PriceKr: 3450, PriceCovers: coversOneDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"ledelse", "sundhed-og-aeldre"}, Days: 1, Venues: []string{"kolding", "aarhus", "kobenhavn"}, Capacity: 28,
		Agenda: day("Nanna Friis, arbejdspsykolog", "Psykisk arbejdsmiljø: regler og viden", "Tidlige tegn", "Samtalen om arbejdsmængde", "Din handleplan"),
	},
	{
		Slug: "forandringsledelse", Title: "Forandringsledelse i den kommunale virkelighed",
		Teaser:       "Led medarbejderne gennem omstruktureringer, besparelser og nye opgaver – og hold fast i fagligheden.",
		Audience:     "Ledere og projektledere, der står i spidsen for forandringer.",
		Description:  "Kommuner er i konstant forandring: nye love, nye opgaver og nye økonomiske rammer. Som leder skal du både skabe mening og sikre driften.\n\nKurset giver dig modeller og praktiske greb til at planlægge, kommunikere og følge op på forandringer.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Mening og retning i forandringen", "Modstand som ressource", "Kommunikation før, under og efter", "Opfølgning og forankring"},
		TeachingForm: formDialog, PriceKr: 3450, PriceCovers: coversOneDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"ledelse"}, Days: 1, Venues: []string{"roskilde", "aalborg"}, Capacity: 24,
	},
	{
		Slug: "faglig-ledelse", Title: "Faglig ledelse af velfærdsopgaver",
		Teaser:       "Styrk kvaliteten i kerneopgaven gennem faglig sparring, refleksion og data om borgernes udbytte.",
		Audience:     "Faglige ledere og koordinatorer på social-, sundheds- og børneområdet.",
		Description:  "Faglig ledelse handler om at skabe rammer for, at medarbejderne løser kerneopgaven bedst muligt.\n\nDu arbejder med faglig sparring, brug af data og prioritering i en presset hverdag.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Kerneopgaven som pejlemærke", "Faglig sparring og refleksion", "Data om borgernes udbytte", "Prioritering med faglige argumenter"},
		TeachingForm: formMixed, PriceKr: 3250, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"ledelse", "sundhed-og-aeldre", "boern-og-unge"}, Days: 1, Venues: []string{"odense", "aarhus"}, Capacity: 24,
	},
	// Jura og forvaltning
	{
		Slug: "forvaltningsret-for-sagsbehandlere", Title: "Forvaltningsret for sagsbehandlere",
		Teaser:       "Partshøring, begrundelse, aktindsigt og notatpligt – grundreglerne, du bruger hver dag.",
		Audience:     "Sagsbehandlere i alle kommunale forvaltninger, der træffer afgørelser.",
		Description:  "Gode afgørelser bygger på de forvaltningsretlige grundregler. Fejl i sagsbehandlingen kan gøre en afgørelse ugyldig og koste borgeren og kommunen dyrt.\n\nKurset gennemgår reglerne med eksempler fra Ankestyrelsen og Folketingets Ombudsmand.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Officialprincippet og notatpligt", "Partshøring og aktindsigt", "Begrundelse og klagevejledning", "Habilitet og tavshedspligt", "Ombudsmandens praksis"},
		TeachingForm: formMixed, PriceKr: 5950, PriceCovers: coversTwoDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"jura-og-forvaltning"}, Days: 2, Venues: []string{"kolding", "kobenhavn", "aalborg"}, Capacity: 30,
		Agenda: twoDays("Karsten Revsbech, professor emeritus", "Forvaltningsrettens grundregler", "Officialprincippet og notatpligt", "Partshøring", "Aktindsigt", "Begrundelse og klagevejledning", "Cases fra Ombudsmanden"),
	},
	{
		Slug: "aktindsigt-i-praksis", Title: "Aktindsigt i praksis",
		Teaser:       "Behandl anmodninger om aktindsigt hurtigt og korrekt – også når journalisten ringer.",
		Audience:     "Medarbejdere, der behandler anmodninger om aktindsigt.",
		Description:  "Offentlighedsloven giver borgere og medier ret til indsigt i kommunens dokumenter, men også en række undtagelser.\n\nPå kurset arbejder du med frister, undtagelser og meroffentlighed ud fra konkrete sager.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Offentlighedslovens hovedregler", "Frister og svar", "Undtagelser og meroffentlighed", "Anmodninger fra pressen"},
		TeachingForm: formWorkshop, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"jura-og-forvaltning"}, Days: 1, Venues: []string{"aarhus", "roskilde"}, Capacity: 24,
	},
	{
		Slug: "gdpr-i-kommunen", Title: "Databeskyttelse (GDPR) i kommunen",
		Teaser:       "Håndter personoplysninger sikkert i hverdagen: behandlingsgrundlag, oplysningspligt og brud.",
		Audience:     "Sagsbehandlere, IT-medarbejdere og ledere, der behandler personoplysninger.",
		Description:  "Kommunen behandler hver dag store mængder personoplysninger. Det kræver, at alle kender reglerne og ved, hvad de skal gøre, hvis noget går galt.\n\nKurset giver dig overblikket og konkrete værktøjer til din egen praksis.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Behandlingsgrundlag og formål", "Oplysningspligt og indsigtsret", "Sikkerhedsbrud: hvad gør du?", "Databeskyttelse i nye IT-løsninger"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"jura-og-forvaltning", "digitalisering"}, Days: 1, Venues: []string{"kobenhavn", "odense", "aalborg"}, Capacity: 30,
	},
	{
		Slug: "klagesager-og-genvurdering", Title: "Klagesager og genvurdering",
		Teaser:       "Få styr på genvurdering, oversendelse til Ankestyrelsen og læring af hjemsendte sager.",
		Audience:     "Sagsbehandlere og teamledere på social- og beskæftigelsesområdet.",
		Description:  "Når en borger klager, skal sagen genvurderes, før den sendes videre. Det er en chance for at rette fejl og lære.\n\nKurset gennemgår reglerne og giver dig en fast metode til genvurdering.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Reglerne for genvurdering", "Oversendelse til Ankestyrelsen", "Læring af omgjorte sager", "Kommunikation med klageren"},
		TeachingForm: formWorkshop, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"jura-og-forvaltning", "beskaeftigelse"}, Days: 1, Venues: []string{"kolding"}, Capacity: 24,
	},
	{
		Slug: "offentlige-indkoeb-og-udbud", Title: "Offentlige indkøb og udbud",
		Teaser:       "Udbudsloven, tilbudsindhentning og kontraktstyring – for dig, der køber ind på kommunens vegne.",
		Audience:     "Indkøbere, projektledere og ledere med ansvar for indkøb.",
		Description:  "Kommunerne køber varer og tjenesteydelser for milliarder hvert år. Reglerne skal sikre konkurrence og ligebehandling, men de er komplekse.\n\nKurset giver dig overblik over udbudsreglerne og praktiske råd om kravspecifikation og kontraktopfølgning.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Tærskelværdier og udbudsformer", "Kravspecifikation og tildelingskriterier", "Tilbudsloven og mindre indkøb", "Kontraktstyring og opfølgning"},
		TeachingForm: formMixed, PriceKr: 6450, PriceCovers: coversTwoDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"jura-og-forvaltning", "oekonomi"}, Days: 2, Venues: []string{"middelfart", "aarhus"}, Capacity: 26,
		Agenda: twoDays("Christina Munk, advokat", "Udbudslovens grundprincipper", "Udbudsformer", "Kravspecifikation", "Tildelingskriterier", "Kontraktstyring"),
	},
	// Økonomi og styring
	{
		Slug: "kommunal-oekonomi-for-ikke-oekonomer", Title: "Kommunal økonomi for ikke-økonomer",
		Teaser:       "Forstå budgettet, servicerammen og økonomiaftalen – og hvad de betyder for dit område.",
		Audience:     "Ledere og medarbejdere uden økonomisk uddannelse, der arbejder med budget og økonomi.",
		Description:  "Den kommunale økonomi er styret af aftaler, rammer og regler, som påvirker alle områder. Kurset giver dig sproget og overblikket, så du kan deltage i budgetarbejdet med sikkerhed.\n\nDu får en gennemgang af budgetprocessen fra økonomiaftale til vedtaget budget.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Økonomiaftalen og servicerammen", "Budgetprocessen trin for trin", "Budgetopfølgning og afvigelser", "Nøgletal og sammenligninger"},
		TeachingForm: formMixed, PriceKr: 3250, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"oekonomi"}, Days: 1, Venues: []string{"aarhus", "kobenhavn", "odense"}, Capacity: 30,
		Agenda: day("Anders Lund, COK", "Kommunens økonomi i overblik", "Budgetprocessen", "Opfølgning og afvigelser", "Nøgletal i praksis"),
	},
	{
		Slug: "budgetopfoelgning-og-prognoser", Title: "Budgetopfølgning og prognoser",
		Teaser:       "Lav prognoser, der holder, og formidl afvigelser klart til ledelse og politikere.",
		Audience:     "Økonomimedarbejdere og controllere i forvaltninger og decentrale enheder.",
		Description:  "En god budgetopfølgning opdager afvigelser i tide og giver ledelsen mulighed for at handle.\n\nPå kurset arbejder du med prognosemetoder, aktivitetsdata og formidling af risici.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Prognosemetoder", "Aktivitetsdata og enhedspriser", "Risici og handlemuligheder", "Formidling til ledelse og udvalg"},
		TeachingForm: formWorkshop, PriceKr: 3450, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"oekonomi"}, Days: 1, Venues: []string{"kolding", "roskilde"}, Capacity: 24,
	},
	{
		Slug: "styring-af-det-specialiserede-socialomraade", Title: "Styring af det specialiserede socialområde",
		Teaser:       "Sammenhæng mellem faglighed og økonomi på et af kommunens mest pressede områder.",
		Audience:     "Ledere, økonomer og faglige konsulenter på det specialiserede børne- og voksenområde.",
		Description:  "Udgifterne til det specialiserede socialområde vokser, og det stiller krav til styring, der både er faglig og økonomisk.\n\nKurset samler viden fra kommuner, der har fundet en god balance.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Styringsmodeller og visitation", "Data om effekt og udgifter", "Samarbejde mellem faglighed og økonomi", "Politisk formidling af prioriteringer"},
		TeachingForm: formDialog, PriceKr: 6950, PriceCovers: coversTwoDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"oekonomi", "boern-og-unge", "sundhed-og-aeldre"}, Days: 2, Venues: []string{"middelfart"}, Capacity: 28,
		Agenda: twoDays("Henrik Bæk, COK", "Udviklingen på området", "Styringsmodeller", "Visitation og opfølgning", "Data om effekt", "Prioriteringer over for politikerne"),
	},
	{
		Slug: "business-cases-i-kommunen", Title: "Business cases i kommunen",
		Teaser:       "Beregn gevinster og omkostninger ved nye tiltag, så beslutningen bygger på et solidt grundlag.",
		Audience:     "Projektledere, konsulenter og økonomer, der forbereder beslutninger om investeringer.",
		Description:  "En business case gør det tydeligt, hvad et tiltag koster, og hvad det giver. Kurset lærer dig at opstille en business case trin for trin, også for gevinster, der er svære at måle.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Opbygning af en business case", "Økonomiske og kvalitative gevinster", "Følsomhedsanalyser", "Gevinstrealisering"},
		TeachingForm: formWorkshop, PriceKr: 3250, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"oekonomi", "digitalisering"}, Days: 1, Venues: []string{"aalborg", "kobenhavn"}, Capacity: 24,
	},
	// Digitalisering
	{
		Slug: "kunstig-intelligens-i-sagsbehandlingen", Title: "Kunstig intelligens i sagsbehandlingen",
		Teaser:       "Hvad kan AI, hvad må den, og hvordan tager kommunen den i brug på en ansvarlig måde?",
		Audience:     "Ledere, digitaliseringskonsulenter og sagsbehandlere, der vil forstå muligheder og grænser for AI.",
		Description:  "Kunstig intelligens kan hjælpe med at skrive, søge og sortere, men rejser også spørgsmål om jura, etik og kvalitet.\n\nKurset giver dig et nøgternt overblik og konkrete eksempler fra kommuner, der er i gang.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Hvad generativ AI kan og ikke kan", "Forvaltningsret, databeskyttelse og AI-forordningen", "Eksempler fra kommunal praksis", "Retningslinjer for ansvarlig brug"},
		TeachingForm: formMixed, PriceKr: 3450, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"digitalisering", "jura-og-forvaltning"}, Days: 1, Venues: []string{"kobenhavn", "aarhus", "odense"}, Capacity: 30,
		Agenda: day("Rasmus Vinther, digitaliseringschef", "Hvad er generativ AI?", "Jura og etik", "Erfaringer fra kommunerne", "Jeres retningslinjer"),
	},
	{
		Slug: "digital-tilgaengelighed", Title: "Digital tilgængelighed – webtilgængelighedsloven i praksis",
		Teaser:       "Gør kommunens hjemmesider, dokumenter og selvbetjening tilgængelige for alle borgere.",
		Audience:     "Webredaktører, kommunikationsmedarbejdere og IT-projektledere.",
		Description:  "Alle borgere skal kunne bruge kommunens digitale løsninger – også med skærmlæser, forstørrelse eller kun tastatur.\n\nKurset gennemgår kravene i webtilgængelighedsloven og WCAG og viser, hvordan du tester og retter.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"WCAG 2.2 på niveau AA", "Tilgængelige dokumenter og PDF'er", "Test med skærmlæser og tastatur", "Tilgængelighedserklæringen"},
		TeachingForm: formWorkshop, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "mads.oestergaard@cok.dk",
		Topics: []string{"digitalisering", "kommunikation"}, Days: 1, Venues: []string{"roskilde", "aarhus"}, Capacity: 20,
	},
	{
		Slug: "projektledelse-af-it-projekter", Title: "Projektledelse af IT-projekter",
		Teaser:       "Styr kommunens IT-projekter sikkert i mål: gevinster, leverandører, risici og brugerinddragelse.",
		Audience:     "Projektledere og ledere, der har ansvar for digitaliseringsprojekter.",
		Description:  "IT-projekter i kommuner involverer mange parter: leverandører, fagområder, IT og borgere. Det kræver skarp styring og god kommunikation.\n\nKurset bygger på den fællesoffentlige projektmodel og praktiske erfaringer.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Projektmodeller og faser", "Leverandørstyring", "Risici og afhængigheder", "Brugerinddragelse og implementering", "Gevinstrealisering"},
		TeachingForm: formMixed, PriceKr: 6450, PriceCovers: coversTwoDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"digitalisering", "ledelse"}, Days: 2, Venues: []string{"kolding", "roskilde"}, Capacity: 24,
		Agenda: twoDays("Anders Lund, COK", "Projektmodellen", "Mål og gevinster", "Leverandørstyring", "Risici", "Implementering i driften"),
	},
	{
		Slug: "informationssikkerhed-for-alle", Title: "Informationssikkerhed for alle medarbejdere",
		Teaser:       "Phishing, adgangskoder og sikker deling – små vaner, der beskytter borgernes oplysninger.",
		Audience:     "Alle kommunale medarbejdere, der bruger IT i arbejdet.",
		Description:  "De fleste sikkerhedshændelser begynder med en mail eller et klik. Kurset viser, hvordan angreb ser ud, og hvad du selv kan gøre.\n\nEt kort og praktisk kursus, der også egner sig til hele afdelinger.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Phishing og social manipulation", "Adgangskoder og to-faktor-login", "Sikker deling af dokumenter", "Når uheldet er ude"},
		TeachingForm: formMixed, PriceKr: 1950, PriceCovers: coversOneDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"digitalisering"}, Days: 1, Venues: []string{"aalborg", "odense"}, Capacity: 40,
	},
	// Beskæftigelse
	{
		Slug: "den-gode-samtale-i-jobcentret", Title: "Den gode samtale i jobcentret",
		Teaser:       "Motiverende samtaler, der flytter borgeren tættere på job eller uddannelse.",
		Audience:     "Jobkonsulenter, sagsbehandlere og virksomhedskonsulenter i jobcentre.",
		Description:  "Samtalen er jobcentrets vigtigste redskab. Forskning viser, at samtaler, hvor borgeren selv sætter mål, giver bedre resultater.\n\nKurset træner metoder fra motiverende samtale og løsningsfokus.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Motiverende samtale", "Borgerens egne mål", "Den svære samtale om sanktioner", "Dokumentation uden at miste kontakten"},
		TeachingForm: "Kurset er praktisk: du træner samtaler i små grupper med skuespillere og får feedback fra underviseren.", PriceKr: 5950, PriceCovers: coversTwoDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"beskaeftigelse", "kommunikation"}, Days: 2, Venues: []string{"middelfart", "aalborg"}, Capacity: 20,
		Agenda: twoDays("Sara Jørgensen, COK", "Hvad virker i samtalen?", "Motiverende samtale", "Træning med skuespillere", "Den svære samtale", "Dokumentation"),
	},
	{
		Slug: "virksomhedssamarbejde", Title: "Virksomhedssamarbejde og jobformidling",
		Teaser:       "Byg stærke relationer til lokale virksomheder og match ledige med de rigtige job.",
		Audience:     "Virksomhedskonsulenter og jobformidlere.",
		Description:  "Virksomhederne mangler arbejdskraft, og mange ledige mangler en vej ind. Kurset giver dig metoder til opsøgende arbejde, match og opfølgning.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Opsøgende virksomhedskontakt", "Matchning af ledige og job", "Virksomhedspraktik og løntilskud", "Fastholdelse efter ansættelse"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"beskaeftigelse"}, Days: 1, Venues: []string{"aarhus", "kolding"}, Capacity: 24,
	},
	{
		Slug: "ny-beskaeftigelseslov", Title: "Den nye beskæftigelseslov",
		Teaser:       "Overblik over reglerne og hvad de ændrer for borgere, jobcentre og virksomheder.",
		Audience:     "Medarbejdere og ledere i jobcentre og ydelseskontorer.",
		Description:  "Beskæftigelsesreformen ændrer rammerne for jobcentrenes arbejde. Kurset giver dig overblik over de nye regler og deres betydning i praksis.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Lovens opbygning og formål", "Målgrupper og indsatser", "Kontaktforløbet", "Dokumentation og frister"},
		TeachingForm: formMixed, PriceKr: 2450, PriceCovers: coversOneDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"beskaeftigelse", "jura-og-forvaltning"}, Days: 1, Venues: []string{"kobenhavn", "odense", "aalborg"}, Capacity: 36,
	},
	// Børn og unge
	{
		Slug: "boernesager-efter-barnets-lov", Title: "Børnesager efter barnets lov",
		Teaser:       "Barnets perspektiv, undersøgelser og handleplaner – sikker sagsbehandling efter barnets lov.",
		Audience:     "Socialrådgivere og sagsbehandlere på børne- og familieområdet.",
		Description:  "Barnets lov sætter barnets perspektiv i centrum. Det stiller nye krav til inddragelse, undersøgelse og opfølgning.\n\nKurset gennemgår reglerne med cases fra praksis og Ankestyrelsens afgørelser.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Barnets perspektiv og inddragelse", "Den børnefaglige undersøgelse", "Barnets plan og opfølgning", "Samarbejdet med forældrene", "Ankestyrelsens praksis"},
		TeachingForm: formDialog, PriceKr: 5950, PriceCovers: coversTwoDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"boern-og-unge", "jura-og-forvaltning"}, Days: 2, Venues: []string{"kolding", "roskilde", "aarhus"}, Capacity: 30,
		Agenda: twoDays("Pernille Holm, COK", "Barnets lov i overblik", "Barnets perspektiv", "Den børnefaglige undersøgelse", "Barnets plan", "Ankestyrelsens praksis"),
	},
	{
		Slug: "tidlig-indsats-i-dagtilbud", Title: "Tidlig indsats i dagtilbud",
		Teaser:       "Opdag bekymringer tidligt og samarbejd med forældre og fagfolk om den rette hjælp.",
		Audience:     "Pædagogiske ledere og pædagoger i kommunale dagtilbud.",
		Description:  "Jo tidligere et barn får hjælp, jo bedre. Kurset giver dig redskaber til at se tegn, tale med forældrene og bruge det tværfaglige samarbejde.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Tegn på mistrivsel hos små børn", "Forældresamtalen", "Tværfagligt samarbejde", "Underretningspligten"},
		TeachingForm: formDialog, PriceKr: 2450, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"boern-og-unge"}, Days: 1, Venues: []string{"odense", "aalborg"}, Capacity: 30,
	},
	{
		Slug: "unge-og-psykisk-mistrivsel", Title: "Unge og psykisk mistrivsel",
		Teaser:       "Viden og værktøjer til at møde unge med angst, ensomhed og selvskade.",
		Audience:     "Medarbejdere i skoler, ungdomsuddannelsesvejledning, jobcentre og socialforvaltninger.",
		Description:  "Flere unge mistrives. Kurset giver dig viden om de mest udbredte problemer og om, hvordan du taler med den unge og henviser til den rette hjælp.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Angst, depression og ensomhed", "Selvskade: tegn og samtale", "Samarbejde med psykiatrien", "Forebyggelse i fællesskaber"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"boern-og-unge", "sundhed-og-aeldre"}, Days: 1, Venues: []string{"kobenhavn", "aarhus"}, Capacity: 30,
	},
	{
		Slug: "skole-hjem-samarbejde", Title: "Skole-hjem-samarbejde der virker",
		Teaser:       "Skab tillid og fælles retning med forældrene – også når samarbejdet er svært.",
		Audience:     "Lærere, skoleledere og pædagoger i folkeskolen.",
		Description:  "Et godt samarbejde med forældrene styrker elevernes trivsel og læring. Kurset giver metoder til forældremøder, samtaler og konflikter.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Forventninger og roller", "Den svære forældresamtale", "Digital kommunikation med hjemmet", "Konflikter og klager"},
		TeachingForm: formDialog, PriceKr: 2450, PriceCovers: coversOneDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"boern-og-unge", "kommunikation"}, Days: 1, Venues: []string{"roskilde", "kolding"}, Capacity: 30,
	},
	// Sundhed og ældre
	{
		Slug: "rehabilitering-i-aeldreplejen", Title: "Rehabilitering i ældreplejen",
		Teaser:       "Styrk borgerens egne ressourcer med rehabiliterende forløb efter serviceloven.",
		Audience:     "Terapeuter, sygeplejersker, visitatorer og ledere i ældreplejen.",
		Description:  "Rehabilitering giver ældre borgere mulighed for at klare mest muligt selv. Kurset samler viden om metoder, jura og tværfagligt samarbejde.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Serviceloven og ældreloven", "Målsætning sammen med borgeren", "Tværfaglige forløb", "Dokumentation og opfølgning"},
		TeachingForm: formMixed, PriceKr: 5450, PriceCovers: coversTwoDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"sundhed-og-aeldre"}, Days: 2, Venues: []string{"middelfart", "aalborg"}, Capacity: 28,
		Agenda: twoDays("Karen Dahl, ergoterapeut", "Rehabilitering: viden og lovgrundlag", "Borgerens mål", "Tværfaglige forløb", "Dokumentation", "Opfølgning og resultater"),
	},
	{
		Slug: "demensvenlig-kommune", Title: "Demensvenlig kommune",
		Teaser:       "Mød mennesker med demens og deres pårørende med forståelse – i alle dele af kommunen.",
		Audience:     "Medarbejdere i borgerservice, ældrepleje, biblioteker og andre borgerrettede funktioner.",
		Description:  "Mennesker med demens møder kommunen mange steder. Kurset giver viden og konkrete råd til kommunikation og støtte.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Hvad er demens?", "Kommunikation med mennesker med demens", "Samarbejde med pårørende", "Demensvenlige omgivelser"},
		TeachingForm: formMixed, PriceKr: 1950, PriceCovers: coversOneDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"sundhed-og-aeldre"}, Days: 1, Venues: []string{"odense", "roskilde", "aarhus"}, Capacity: 36,
	},
	{
		Slug: "forebyggelse-og-sundhedsfremme", Title: "Forebyggelse og sundhedsfremme i kommunen",
		Teaser:       "Planlæg indsatser mod rygning, inaktivitet og ensomhed med udgangspunkt i Sundhedsstyrelsens forebyggelsespakker.",
		Audience:     "Sundhedskonsulenter og medarbejdere i kommunale sundhedscentre.",
		Description:  "Kommunen har en central rolle i forebyggelsen. Kurset giver dig redskaber til at prioritere og evaluere indsatser.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Forebyggelsespakkerne", "Social ulighed i sundhed", "Partnerskaber med civilsamfundet", "Evaluering af indsatser"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"sundhed-og-aeldre"}, Days: 1, Venues: []string{"kolding", "kobenhavn"}, Capacity: 30,
	},
	{
		Slug: "magtanvendelse-paa-voksenomraadet", Title: "Magtanvendelse på voksenområdet",
		Teaser:       "Kend reglerne for magtanvendelse og forebyg situationer, hvor det bliver nødvendigt.",
		Audience:     "Medarbejdere og ledere på bosteder, plejecentre og i hjemmeplejen.",
		Description:  "Magtanvendelse er et alvorligt indgreb i borgerens selvbestemmelse. Kurset gennemgår reglerne og giver redskaber til at forebygge.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Reglerne i serviceloven", "Forebyggelse og konflikthåndtering", "Registrering og indberetning", "Etiske dilemmaer"},
		TeachingForm: formDialog, PriceKr: 2450, PriceCovers: coversOneDay, Consultant: "pernille.holm@cok.dk",
		Topics: []string{"sundhed-og-aeldre", "jura-og-forvaltning"}, Days: 1, Venues: []string{"aalborg", "kolding"}, Capacity: 30,
	},
	// Personlig effektivitet og mødekultur
	{
		Slug: "moedeledelse", Title: "Mødeledelse – korte møder med klare beslutninger",
		Teaser:       "Led møder, hvor alle bidrager, tiden holdes, og beslutningerne bliver til handling.",
		Audience:     "Ledere, projektledere og mødeledere i alle kommunale funktioner.",
		Description:  "Mange møder kunne være kortere og bedre. Kurset giver dig en enkel metode til forberedelse, facilitering og opfølgning.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Formål og dagsorden", "Facilitering og inddragelse", "Beslutninger og referat", "Hybride møder"},
		TeachingForm: formWorkshop, PriceKr: 2450, PriceCovers: coversOneDay, Consultant: "mads.oestergaard@cok.dk",
		Topics: []string{"ledelse", "kommunikation"}, Days: 1, Venues: []string{"kobenhavn", "aarhus", "odense"}, Capacity: 24,
	},
	{
		Slug: "facilitering-af-workshops", Title: "Facilitering af workshops og processer",
		Teaser:       "Design og led workshops, der giver resultater – med metoder til både store og små grupper.",
		Audience:     "Konsulenter, projektledere og ledere, der leder udviklingsprocesser.",
		Description:  "En god proces får det bedste frem i gruppen. Kurset lærer dig at designe forløb, vælge metoder og håndtere det uventede.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Procesdesign", "Metoder til idéudvikling og prioritering", "Facilitatorens rolle", "Svære situationer i gruppen"},
		TeachingForm: formWorkshop, PriceKr: 5950, PriceCovers: coversTwoDay, Consultant: "mads.oestergaard@cok.dk",
		Topics: []string{"kommunikation", "ledelse"}, Days: 2, Venues: []string{"middelfart", "roskilde"}, Capacity: 20,
		Agenda: twoDays("Mads Østergaard, COK", "Procesdesign", "Metoder til idéer", "Prioritering", "Facilitatorens rolle", "Svære situationer"),
	},
	{
		Slug: "tvaerfagligt-samarbejde", Title: "Tværfagligt samarbejde om borgeren",
		Teaser:       "Få forskellige faggrupper og forvaltninger til at arbejde sammen om én plan for borgeren.",
		Audience:     "Sagsbehandlere, koordinatorer og ledere på social-, beskæftigelses- og sundhedsområdet.",
		Description:  "Borgere med komplekse problemer møder ofte mange fagfolk. Kurset giver metoder til koordinering, fælles mål og deling af oplysninger inden for reglerne.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Fælles mål og én plan", "Koordinering og roller", "Deling af oplysninger efter reglerne", "Borgeren som part i samarbejdet"},
		TeachingForm: formDialog, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "sara.joergensen@cok.dk",
		Topics: []string{"beskaeftigelse", "sundhed-og-aeldre", "boern-og-unge"}, Days: 1, Venues: []string{"aarhus", "roskilde"}, Capacity: 30,
	},
	{
		Slug: "konflikthaandtering-i-borgerkontakten", Title: "Konflikthåndtering i borgerkontakten",
		Teaser:       "Nedtrap vrede og truende situationer ved skranken, i telefonen og på mail.",
		Audience:     "Medarbejdere i borgerservice, jobcentre og andre funktioner med borgerkontakt.",
		Description:  "De fleste borgermøder går godt, men nogle bliver svære. Kurset giver dig redskaber til at nedtrappe og passe på dig selv.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Konfliktens trappe", "Nedtrapning med ord og kropssprog", "Vrede i telefonen og på mail", "Efter episoden: kollegial støtte"},
		TeachingForm: "Kurset er praktisk og bygger på rollespil med konkrete situationer fra deltagernes hverdag.", PriceKr: 2450, PriceCovers: coversOneDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"kommunikation", "beskaeftigelse"}, Days: 1, Venues: []string{"kobenhavn", "kolding", "aalborg"}, Capacity: 24,
	},
	{
		Slug: "kommunal-planlaegning-og-klima", Title: "Kommunal planlægning og klimatilpasning",
		Teaser:       "Planloven, lokalplaner og klimatilpasning – for dig, der planlægger kommunens fysiske udvikling.",
		Audience:     "Planlæggere, ingeniører og ledere i teknik- og miljøforvaltninger.",
		Description:  "Klimaforandringerne stiller nye krav til planlægningen. Kurset samler planlovens rammer med praktiske eksempler på klimatilpasning.",
		ContentIntro: "I løbet af to dage arbejder vi med:", Bullets: []string{"Planloven og kommuneplanen", "Lokalplaner og borgerinddragelse", "Klimatilpasning og risikokort", "Samarbejde med forsyningen"},
		TeachingForm: formMixed, PriceKr: 5950, PriceCovers: coversTwoDay, Consultant: "anders.lund@cok.dk",
		Topics: []string{"jura-og-forvaltning"}, Days: 2, Venues: []string{"aarhus", "kolding"}, Capacity: 26,
		Agenda: twoDays("Ida Kjær, planlægger", "Planloven i dag", "Kommuneplanen", "Lokalplaner", "Klimatilpasning", "Risikokort og forsyning"),
	},
	{
		Slug: "introduktion-til-kommunal-hr", Title: "Introduktion til kommunal HR og overenskomster",
		Teaser:       "Ansættelse, løn og fravær efter de kommunale overenskomster – grundviden for HR og ledere.",
		Audience:     "Nye HR-medarbejdere og ledere med personaleansvar.",
		Description:  "De kommunale overenskomster og personalejuraen sætter rammerne for ansættelse, løn og afsked. Kurset giver dig overblikket.",
		ContentIntro: "På kurset arbejder vi med:", Bullets: []string{"Overenskomster og aftaler", "Ansættelse og lønfastsættelse", "Fravær og sygefraværssamtaler", "Afsked og partshøring"},
		TeachingForm: formMixed, PriceKr: 2950, PriceCovers: coversOneDay, Consultant: "henrik.baek@cok.dk",
		Topics: []string{"ledelse", "jura-og-forvaltning"}, Days: 1, Venues: []string{"odense", "kobenhavn"}, Capacity: 30,
	},
}
