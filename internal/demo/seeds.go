package demo

// The programme "Fremtidens politikerbetjening" and its two modules, with the
// texts of the two source pages in ../shared/seeds word for word. Two obvious
// slips of the source are mended: "er er støttet" and "forløb, , der"; the
// venue's "Vl" (an L) is the Roman VI.

const seedConsultant = "lone.kragh@cok.dk"

var politiskForstaaelse = courseSpec{
	Slug:     "politisk-forstaaelse",
	Title:    "Politisk forståelse",
	Teaser:   "Fungerer samspillet mellem embedsmænd og politikere? Er du god til at betjene politikerne, og forstår du politikernes arbejdsvilkår?",
	Audience: "Forløbet er for embedsmænd, sekretariatsmedarbejdere og faglige medarbejdere i borgmestersekretariatet og på fagområder, der understøtter politikerne i deres arbejde.",
	Description: "Det stiller høje krav til ledende embedsmænd, sekretariatsmedarbejdere og faglige medarbejdere at understøtte politikerne i deres arbejde.\n\n" +
		"Modulet tager afsæt i, at god politisk betjening kun kan lade sig gøre, hvis du som medarbejder har politisk tæft og forstår den politiske beslutningsproces, politikernes arbejdsvilkår og din egen rolle i spændingsfeltet mellem politik og administration.\n\n" +
		"## Bliv en bedre politisk betjener\n\n" +
		"Med grundmodulet i politisk betjening styrker du din politiske tæft og din evne til at gennemskue mekanismerne i den politiske organisation.",
	ContentIntro: "I løbet af to dage arbejder vi med:",
	Bullets: []string{
		"Politikerens arbejdsvilkår og tilgange",
		"Embedsmandens rolle i udvikling af kommunal velfærd",
		"Metoder til politisk betjening med inspiration fra eksperter og andre kommuner",
		"Bo Smith-udvalgets rapport om samspillet mellem politik og embedsværk og KL’s kodeks for politisk betjening.",
		"Spil om udfordringer og dilemmaer i politisk betjening",
	},
	TeachingForm: "Undervisningsformen veksler mellem oplæg fra erfarne embedsmænd, kommunale eksperter og kommunalpolitikere, der fortæller om egne erfaringer med god politisk betjening. Det betyder, at du får rig mulighed for at udveksle erfaringer og gode metoder med kollegaer fra andre kommuner, der udøver politikerbetjening.",
	PriceKr:      6750,
	PriceCovers:  "undervisning, materialer, forplejning samt overnatning",
	PartnerNote:  "Forløbet er udviklet i samarbejde med Aalborg, Kolding og Københavns kommuner og er støttet af KommuneKredits Uddannelsesfond.",
	Consultant:   seedConsultant,
	Topics:       []string{"politisk-betjening"},
	Days:         2,
	Venues:       []string{"odense"},
	Capacity:     30,
	Agenda: []agendaDaySpec{
		{Items: []agendaItemSpec{
			{At: "09:00", Title: "Ankomst, kaffe og morgenbrød"},
			{At: "09:30", Title: "Velkomst og rammesætning", Speaker: "COK", Points: []string{
				"Baggrund og formål med kurset",
				"Præsentation og forventningsafstemning",
				"Præsentation af indsendte dilemmaer",
			}},
			{At: "10:30", Title: "Baggrund og aktuelle udfordringer for lokaldemokratiet", Speaker: "Jacob Vase, Vase Consulting", Points: []string{
				"Embedsmandsrollen og det repræsentative demokrati",
				"Kommunalpolitikerne og deres rolle i det lokaledemokrati",
				"Det kommunale selvstyre i forandring: Hvilke krav stiller politikerne til embedsværket?",
			}},
			{At: "12:00", Title: "Frokost"},
			{At: "13:00", Title: "Forståelse af det politiske system", Speaker: "Jacob Vase, Vase Consulting", Points: []string{
				"Kodeks for forvaltningsrådgivning: Udfordringer og dilemmaer",
				"Politikernes arbejdsvilkår og politisk tæft",
			}},
			{At: "15:30", Title: "Kaffepause (og tjek-ind)"},
			{At: "16:00", Title: "Politikerpanel", Points: []string{"Oplæg, spørgsmål og svar"}},
			{At: "18:30", Title: "Middag"},
			{At: "20:00", Title: "Camp-fire – fælles dialog med Kommunaldirektør"},
		}},
		{Items: []agendaItemSpec{
			{At: "08:00", Title: "Morgenmad"},
			{At: "09:00", Title: "Tilbageblik og rammesætning af dag 2"},
			{At: "09:30", Title: "”Klap kæphesten”", Speaker: "COK", Points: []string{"Et dilemmaspil om udvikling, roller og ståsteder"}},
			{At: "11:45", Title: "Frokost"},
			{At: "12:30", Title: "Dialogteatret – dilemmaer på spil"},
			{At: "14:30", Title: "Opsamling, afrunding og perspektivering"},
		}},
	},
}

// The seeds give this module's title and teaser; the rest is written in the
// same voice from what the programme page says of it.
var politiskFormidling = courseSpec{
	Slug:     "politisk-formidling-og-dialog",
	Title:    "Politisk formidling og dialog",
	Teaser:   "Hvordan sikrer du, at dit politiske udvalg får det, de har brug for? Lær at udarbejde sagsfremstillinger og formidle politisk indhold.",
	Audience: "Specialmodulet er for medarbejdere og ledere, der laver direkte politisk betjening, f.eks. skriver sagsfremstillinger eller på anden måde har direkte dialog med kommunens politikere.",
	Description: "En god sagsfremstilling giver politikerne det, de skal bruge for at træffe en beslutning – hverken mere eller mindre. Det kræver, at du kan se sagen med politikernes øjne og formidle faglighed, så den kan bruges politisk.\n\n" +
		"Modulet bygger videre på grundmodulet Politisk forståelse og giver dig metoder til at skrive, præsentere og gå i dialog med udvalg og byråd.\n\n" +
		"## Bliv skarpere på den politiske formidling\n\n" +
		"Du arbejder med dine egne sagsfremstillinger og får feedback fra erfarne embedsmænd og politikere.",
	ContentIntro: "I løbet af to dage arbejder vi med:",
	Bullets: []string{
		"Den gode sagsfremstilling: struktur, indstilling og beslutningsgrundlag",
		"Politisk formidling på skrift og mundtligt",
		"Dialog med udvalg, byråd og borgmester",
		"Nye former for borgerinddragelse og samskabelse",
		"Træning i egne cases med feedback",
	},
	TeachingForm: "Undervisningen veksler mellem oplæg, skriveøvelser på egne cases og dialog med kommunalpolitikere. Du får rig mulighed for at udveksle erfaringer med kollegaer fra andre kommuner.",
	PriceKr:      6750,
	PriceCovers:  "undervisning, materialer, forplejning samt overnatning",
	PartnerNote:  "Forløbet er udviklet i samarbejde med Aalborg, Kolding og Københavns kommuner og er støttet af KommuneKredits Uddannelsesfond.",
	Consultant:   seedConsultant,
	Topics:       []string{"politisk-betjening", "kommunikation"},
	Days:         2,
	Venues:       []string{"odense"},
	Capacity:     30,
	Agenda: []agendaDaySpec{
		{Items: []agendaItemSpec{
			{At: "09:00", Title: "Ankomst, kaffe og morgenbrød"},
			{At: "09:30", Title: "Velkomst og rammesætning", Speaker: "COK"},
			{At: "10:00", Title: "Hvad har politikerne brug for?", Speaker: "Jacob Vase, Vase Consulting", Points: []string{
				"Sagsfremstillingen som politisk værktøj",
				"Indstilling, beslutningsgrundlag og handlemuligheder",
			}},
			{At: "12:00", Title: "Frokost"},
			{At: "13:00", Title: "Skriveværksted på egne sagsfremstillinger", Speaker: "COK"},
			{At: "15:30", Title: "Kaffepause"},
			{At: "16:00", Title: "Politikerpanel: sådan læser vi sagerne", Points: []string{"Oplæg, spørgsmål og svar"}},
			{At: "18:30", Title: "Middag"},
		}},
		{Items: []agendaItemSpec{
			{At: "08:00", Title: "Morgenmad"},
			{At: "09:00", Title: "Mundtlig formidling og dialog med udvalget"},
			{At: "10:30", Title: "Borgerinddragelse og samskabelse i den politiske proces"},
			{At: "11:45", Title: "Frokost"},
			{At: "12:30", Title: "Træning i egne cases med feedback"},
			{At: "14:30", Title: "Opsamling, afrunding og perspektivering"},
		}},
	},
}

const (
	programmeSlug  = "fremtidens-politikerbetjening"
	programmeTitle = "Fremtidens politikerbetjening"
)

var programmeIntro = "Kompleksiteten, sagsomfanget, specialiseringen og professionaliseringen af det kommunalpolitiske arbejde er øget betydeligt. Det stiller høje krav til de direktioner, ledende embedsmænd, sekretariatsmedarbejdere og faglige medarbejdere, der understøtter politikerne i deres arbejde.\n\n" +
	"Den gode politiske betjening kan kun lade sig gøre, hvis du som medarbejder har en solid forståelse af de politiske arbejdsprocesser, politikernes arbejdsvilkår og din egen rolle i spændingsfeltet mellem politik og administration. Dette er ikke et redskabskursus, til at skrive bedre sagsfremstillinger men derimod et forløb, der skal styrke din politiske tæft og evne til at gennemskue mekanismerne i den politiske organisation.\n\n" +
	"Fremtidens politikerbetjening består af et grundmodul og et specialmodul. Grundmodulet er for alle kommunale medarbejdere og ledere, som ønsker at styrke deres politiske forståelse og den politiske tæft, mens specialmodulet er særligt for medarbejdere og ledere, der laver direkte politisk betjening, f.eks. skriver sagsfremstillinger eller på anden måde har direkte dialog med kommunens politikere.\n\n" +
	"Begge moduler sætter fokus på det politiske system og politikernes hverdag og arbejdsvilkår, og gennem forløbet styrkes deltagernes forståelse af den politiske dagsorden og politiske dilemmaer."

var programmeCompetences = []string{
	"At navigere mellem politiske og faglige intentioner",
	"At forstå embedsmandsrollen og bringe egen viden og forståelse i spil i den politiske betjening",
	"At se nye metoder og tilgange til at understøtte politikerne i den politiske formidling",
	"At understøtte politikernes i nye og anderledes former for borgerinddragelse og samskabelse.",
}

var programmeBackground = "Fremtidens politikerbetjening er udviklet på baggrund af flere undersøgelser om politisk betjening i kommunerne, herunder bl.a. Bo Smidt-udvalgets rapport samt fokusgruppeinterviews, telefoninterviews med nøglepersoner i 16 kommuner og evalueringer af politisk betjening i ni kommuner.\n\n" +
	"Forløbet er afprøvet blandt medarbejdere i Aalborg, Kolding og Københavns kommuner og taler således direkte ind i de aktuelle udfordringer og kompetencebehov, som politikere og de medarbejdere, der laver politikerbetjening, oplever."

const (
	baseModuleNote    = "Grundmodulet er for alle kommunale medarbejdere og ledere, som ønsker at styrke deres politiske forståelse og den politiske tæft."
	specialModuleNote = "Specialmodulet er særligt for medarbejdere og ledere, der laver direkte politisk betjening, f.eks. skriver sagsfremstillinger eller på anden måde har direkte dialog med kommunens politikere."

	bundleTitle        = "Tilmeld dig to kurser og spar"
	bundlePitchForst   = "COK udbyder også kurset Politisk formidling og dialog til dig, der vil skrive bedre sagsfremstillinger og formidle politisk indhold bedre."
	bundlePitchFormidl = "COK udbyder også grundmodulet Politisk forståelse til dig, der vil styrke din politiske tæft og din forståelse af den politiske beslutningsproces."
	bundlePriceKr      = 9995
	invoiceNote        = "Faktura sendes ud 3-4 uger før kursusstart."
	programmeContact   = "Kontakt os, hvis du har spørgsmål til forløbet!"
	competencesIntro   = "Deltagerne styrker deres kompetencer i forhold til:"
	programmeTeaser    = "Praksisnært forløb med fokus på viden og metoder, der understøtter politikerne i deres arbejde."
)
