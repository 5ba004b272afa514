"""English versions of demo content (issue 15): the home page, the privacy notice and five practices.

Written for an English-speaking reader (a partner network, a donor, a visiting delegation), not word for
word: Turkish institutions keep their names with a short explanation where a reader needs one. Each
practice is loaded by ``practices.demo.translations`` as the English translation of the Turkish practice
with the same ``source`` slug; numbers, classification and images come from the Turkish original.
"""

from dataclasses import dataclass

LIBRARY = {
    "title": "Practices",
    "slug": "practices",
    "introduction": (
        "Social policy practices from Mersin Metropolitan Municipality, documented so that other "
        "municipalities can adapt them: the problem, the approach, the results and a step-by-step guide."
    ),
}

# The English events and publications lists (translations of /egitimler/ and /yayinlar/): /en/trainings/ and
# /en/publications/. They list the English events and publications and the Turkish ones not yet translated.
EVENTS_INDEX = {
    "title": "Trainings and sharing sessions",
    "slug": "trainings",
    "introduction": "Trainings, sharing sessions and field visits held by the Social Policy Office.",
}

PUBLICATIONS_INDEX = {
    "title": "Publications",
    "slug": "publications",
    "introduction": "Policy notes, field studies and reports from the Social Policy Office.",
}

# English names of the demo's themes and target groups, by slug (the same as migration 0006 fills).
THEME_NAMES = {
    "saglik": "Health",
    "egitim": "Education",
    "sosyal-hizmetler": "Social Services",
    "tarim": "Agriculture",
    "kultur-ve-sanat": "Culture and the Arts",
    "engelli-hizmetleri": "Disability Services",
    "kadin-ve-aile": "Women and Families",
    "gida-guvencesi": "Food Security",
}
TARGET_GROUP_NAMES = {
    "bebekler": "Babies",
    "cocuklar": "Children",
    "gencler": "Young people",
    "kadinlar": "Women",
    "aileler": "Families",
    "yetiskinler": "Adults",
    "yaslilar": "Older people",
    "engelli-bireyler": "People with disabilities",
    "multeciler-gocmenler": "Refugees and migrants",
    "dezavantajli-haneler": "Disadvantaged households",
}

LAW_5393_14 = "Municipal Law No. 5393, Article 14"
LAW_5216_7 = "Metropolitan Municipality Law No. 5216, Article 7"


@dataclass(frozen=True)
class EnglishPractice:
    source: str  # slug of the Turkish practice this translates
    slug: str
    title: str
    summary: str
    introduction: str
    implementing_unit: str
    location: str
    funding_sources: str
    staff_needed: str
    time_to_launch: str
    legal_basis: str
    beneficiaries: str
    problem: tuple[str, ...]
    approach: tuple[str, ...]
    results: tuple[str, ...]
    lessons: tuple[str, ...]
    # Labels and units of the original's metrics, in the same order (values and years come from it).
    metrics: tuple[tuple[str, str], ...]
    # (title, description, resources, duration), in the original's order
    steps: tuple[tuple[str, str, str, str], ...]
    # (name, role), in the original's order
    partners: tuple[tuple[str, str], ...]
    contact_unit: str


PRACTICES: tuple[EnglishPractice, ...] = (
    EnglishPractice(
        source="yeni-dogan-destek-paketi",
        slug="newborn-support-package",
        title="Newborn Support Package",
        summary=(
            "Every family with a new baby in the city gets a home visit in the first weeks, a baby-care kit "
            "and breastfeeding advice; households that need more are referred to social services."
        ),
        introduction="The first link in a chain of social services that starts on the first days of life.",
        implementing_unit="Department of Social Policy – Social Policy Office",
        location="Akdeniz, Mezitli, Toroslar and Yenişehir districts",
        funding_sources="Municipal budget; private-sector donations for the baby-care products",
        staff_needed="6 midwives or nurses, 4 social workers, 1 logistics officer",
        time_to_launch="4 months",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}",
        beneficiaries="Families in the city with a newborn baby",
        problem=(
            "The first weeks after birth are the most fragile time for both mother and baby. Fieldwork in "
            "the older neighbourhoods of Akdeniz showed that young, first-time mothers could not find "
            "reliable advice on breastfeeding, sleep and hygiene.",
            "In poor households nappies, formula and clothes strained the family budget, while postnatal "
            "depression and neglect often went unnoticed. Home visits by health services were not designed "
            "to see a family's social needs.",
        ),
        approach=(
            "Families sign up voluntarily at information desks in maternity wards or online. Within 15 days "
            "of the birth a midwife or nurse and a social worker visit the home together, hand over the "
            "baby-care kit and give breastfeeding advice.",
            "During the visit the team fills in a standard household needs form. Families with further "
            "needs, such as housing, income, a risk of violence or a disability, are referred through case "
            "management to the right unit or public agency, and the team follows up by phone at three and "
            "six months.",
            "The kit is revised every year from mothers' feedback and paediatricians' advice, with cotton "
            "products bought from local makers.",
        ),
        results=(
            "In five years the programme reached more than 11,800 families. Most mothers taking part in the "
            "follow-up calls reported exclusive breastfeeding through the first six months.",
            "Over 1,400 households identified on home visits were connected for the first time with social "
            "assistance, counselling or childcare. Three district municipalities have adopted the model "
            "with their own budgets.",
        ),
        lessons=(
            "Having a social worker on the visiting team turned the kit from a handout into a first point "
            "of contact. If the number of teams does not grow with the number of births, visits fall "
            "behind.",
            "Prepare explicit consent and the privacy notice from the start, and do not set up referrals "
            "before data sharing with health institutions is covered by a written protocol.",
        ),
        metrics=(
            ("Families visited", "families"),
            ("Visits made within 15 days of birth", "%"),
            ("Households referred to social services", "households"),
            ("Cost per kit", "TL"),
        ),
        steps=(
            (
                "Study births and needs",
                "Map yearly births by district against the poverty map and choose the neighbourhoods to "
                "start with.",
                "National birth statistics, social assistance records",
                "1 month",
            ),
            (
                "Agree a protocol with health services",
                "Sign a protocol with the provincial health directorate and maternity wards for information "
                "desks and voluntary sign-up.",
                "Legal department, draft protocol",
                "1–2 months",
            ),
            (
                "Design the kit and the visit",
                "Decide the kit's contents with experts; write the visit form, the consent text and the "
                "referral route.",
                "Paediatrician, social worker, procurement unit",
                "1 month",
            ),
            (
                "Train the teams and run a pilot",
                "Train pairs of midwives or nurses and social workers; run a three-month pilot in one "
                "district.",
                "Training room, 2 vehicles, tablets for the visits",
                "3 months",
            ),
            (
                "Follow up and scale",
                "Report the results of the three- and six-month calls and grow the kit budget and the "
                "number of teams accordingly.",
                "A simple case-tracking spreadsheet or software",
                "Ongoing",
            ),
        ),
        partners=(
            ("Mersin Provincial Health Directorate", "Information and referral in maternity wards"),
            ("Mersin University Faculty of Nursing", "Training of the visiting teams"),
        ),
        contact_unit="Social Policy Office – Early Childhood Unit",
    ),
    EnglishPractice(
        source="yaslilara-mobil-saglik-taramasi",
        slug="mobile-health-screening-for-older-people",
        title="Mobile Health Screening for Older People",
        summary=(
            "A fully equipped vehicle tours the neighbourhoods to screen residents over 65 who find it hard "
            "to reach a clinic for blood pressure, blood sugar, sight, hearing and risk of falls."
        ),
        introduction="Older residents do not have to travel to health care: health care comes to them.",
        implementing_unit="Department of Health Affairs with the Social Policy Office",
        location="Akdeniz district and rural neighbourhoods",
        funding_sources="Municipal budget; a development agency grant for the vehicle's equipment",
        staff_needed="1 doctor, 2 nurses, 1 social worker, 1 driver",
        time_to_launch="6 months",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; Basic Law on Health Services No. 3359",
        beneficiaries="Residents over 65 who live alone or have limited mobility",
        problem=(
            "Many older people in rural neighbourhoods and the old parts of the centre were missing regular "
            "check-ups because transport was difficult and they lived alone. High blood pressure and "
            "diabetes were often found only once complications had set in.",
            "Falls and the loss of sight or hearing made it even harder to leave the house, deepening "
            "their isolation.",
        ),
        approach=(
            "A vehicle with an examination room, portable screening equipment and a wheelchair ramp visits "
            "every neighbourhood at least once a month, on a timetable drawn up with the neighbourhood "
            "heads (muhtars). Residents hear about each visit in advance from the muhtar's office and by "
            "text message.",
            "People with abnormal results are referred in writing to their family doctor; those who live "
            "alone or need care are passed on to the home care and social support units.",
        ),
        results=(
            "In six years the service reached more than 9,300 older people; one in five of those screened "
            "had high blood pressure or blood sugar that nobody knew about.",
            "An evaluation with the university found fewer emergency visits and better access to social "
            "services among people who attended screening regularly.",
        ),
        lessons=(
            "Attendance drops sharply when the timetable is not agreed with the muhtars. Do not screen in "
            "the hottest hours of summer, and plan for shade and a waiting area.",
            "Health data is a special category of personal data: keep screening results in a separate "
            "record that only health staff can open.",
        ),
        metrics=(
            ("Older people screened", "people"),
            ("Referred to a family doctor", "people"),
            ("Neighbourhoods visited", "neighbourhoods"),
            ("Average screenings a month", "people a month"),
        ),
        steps=(
            (
                "Map the older population",
                "Use address-based population data and the muhtars' knowledge to find the neighbourhoods "
                "where many older people live alone.",
                "Population data, meetings with muhtars",
                "1 month",
            ),
            (
                "Equip the vehicle and choose the tests",
                "Fit out a vehicle with a wheelchair ramp; choose the screening tests with the provincial "
                "health directorate.",
                "Vehicle; blood pressure, blood sugar, sight and hearing equipment",
                "3–4 months",
            ),
            (
                "Set up referrals",
                "Agree a written referral form and a way to get feedback with family doctors and social "
                "services.",
                "Protocol, referral form",
                "1 month",
            ),
            (
                "Announce the timetable",
                "Draw up a monthly timetable with the muhtars and announce it through their offices, "
                "mosques and text messages.",
                "Posters and leaflets, a text message service",
                "2 weeks",
            ),
            (
                "Follow up the results",
                "Three months later, call the people referred to check that they saw a doctor, and report "
                "on it.",
                "Social worker, tracking spreadsheet",
                "Ongoing",
            ),
        ),
        partners=(
            ("Mersin Provincial Health Directorate", "Screening protocol and referrals to family doctors"),
            ("Çukurova Development Agency", "Grant for the vehicle's equipment"),
        ),
        contact_unit="Social Policy Office – Services for Older People",
    ),
    EnglishPractice(
        source="kadin-tarim-kooperatifi",
        slug="womens-farming-cooperative",
        title="Women's Farming Cooperative",
        summary=(
            "Women farmers in rural neighbourhoods organise as a cooperative and, with training, a shared "
            "processing kitchen and market stalls in the city, sell their produce straight to consumers."
        ),
        introduction="A short supply chain from field to table that puts women's work on the record.",
        implementing_unit="Department of Agricultural Services and the Social Policy Office",
        location="Rural neighbourhoods of Tarsus, Silifke and Toroslar; shops in Akdeniz and Yenişehir",
        funding_sources=(
            "Municipal budget, rural development support from the Ministry of Agriculture and Forestry, the "
            "cooperative's own income"
        ),
        staff_needed="2 agricultural engineers, 1 food engineer, 1 cooperative adviser, 1 marketing expert",
        time_to_launch="9–12 months",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; Cooperatives Law No. 1163",
        beneficiaries="Women farmers in rural neighbourhoods and their families",
        problem=(
            "In rural neighbourhoods women did much of the farm work but had no say over sales or income. "
            "Tomato paste, tarhana and dried produce went through middlemen at very low prices.",
            "The women had no social security, and without food safety certificates their products could "
            "not be sold to shops or public institutions.",
        ),
        approach=(
            "The municipality met women farmers who were interested and helped them found the cooperative: "
            "training in the articles of association, bookkeeping and management, with the founding costs "
            "covered.",
            "A shared processing kitchen registered as a food business was set up. The produce is sold in "
            "three shops in the city, in municipal nurseries and in the social market.",
            "Agricultural engineers train members in the field on good farming practice, saving water and "
            "keeping seed; the cooperative's board is elected independently every year.",
        ),
        results=(
            "The cooperative has grown to 640 members; their average yearly income has more than doubled "
            "compared with selling to middlemen, and 210 women registered for social security in their own "
            "name for the first time.",
            "Four visiting municipalities have adapted the model, and two of them have founded their own "
            "cooperatives.",
        ),
        lessons=(
            "A municipality that tries to run the cooperative weakens the members' ownership: limit support "
            "to the founding and the first three years, with a written exit plan.",
            "Meeting food safety rules takes longest; talk to the provincial directorate early, while the "
            "processing kitchen is still being planned.",
        ),
        metrics=(
            ("Women members", "people"),
            ("Yearly sales", "million TL"),
            ("Members newly registered for social security", "people"),
            ("Municipalities that adapted the model", "municipalities"),
        ),
        steps=(
            (
                "Meet the women farmers",
                "Hold neighbourhood meetings through the muhtars; listen to what they grow, how much they "
                "can produce and what they expect.",
                "Meeting place, agricultural engineer",
                "2 months",
            ),
            (
                "Help found the cooperative",
                "Provide the articles of association, registration and first management training; cover the "
                "founding costs.",
                "Cooperative adviser, accountant",
                "2–3 months",
            ),
            (
                "Set up the processing kitchen",
                "Set up a shared kitchen that meets food business registration rules and train members in "
                "hygiene.",
                "Building, equipment, food engineer",
                "4–6 months",
            ),
            (
                "Open sales channels",
                "Sign supply agreements with shops in the city, municipal nurseries and the social market.",
                "Market stall, marketing expert",
                "2 months",
            ),
            (
                "Step back as planned",
                "Reduce municipal support over three years and check that the cooperative stands on its own "
                "income.",
                "Yearly financial report",
                "3 years",
            ),
        ),
        partners=(
            (
                "Mersin Provincial Directorate of Agriculture and Forestry",
                "Technical training and rural development support",
            ),
            ("The women farmers' cooperative", "Production, processing and sales"),
            ("Mersin Commodity Exchange", "Marketing and price information"),
        ),
        contact_unit="Social Policy Office – Women and Rural Development Unit",
    ),
    EnglishPractice(
        source="engelsiz-ulasim-hizmeti",
        slug="accessible-door-to-door-transport",
        title="Accessible Door-to-Door Transport",
        summary=(
            "Free, bookable door-to-door rides in vehicles with wheelchair lifts for wheelchair users and "
            "people with severely limited mobility: to hospital, school, work and social events."
        ),
        introduction="Getting around the city is not a privilege; it is everyone's right.",
        implementing_unit="Department of Transport with the Disability Services Directorate",
        location="Central districts of Mersin (Akdeniz, Mezitli, Toroslar, Yenişehir)",
        funding_sources=(
            "Municipal budget; a Ministry of Family and Social Services project for buying the vehicles"
        ),
        staff_needed="8 drivers, 8 escorts, 2 call-centre staff, 1 coordinator",
        time_to_launch="6 months",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; Law on Persons with Disabilities No. 5378, Article 7",
        beneficiaries="Wheelchair users and residents with limited mobility",
        problem=(
            "Many buses and stops could not be used from a wheelchair. Disabled people paid high taxi "
            "fares to get to treatment, school or work, or did not leave home at all.",
            "This kept them out of social life and often pushed the family members who cared for them out "
            "of work as well.",
        ),
        approach=(
            "Eight vehicles with hydraulic lifts and wheelchair restraints run on bookings made through a "
            "call centre at least a day ahead. Hospital and rehabilitation appointments come first.",
            "Each vehicle carries an escort trained in first aid and in communicating with disabled "
            "passengers. People in regular treatment get fixed weekly rides.",
        ),
        results=(
            "The service has 3,400 registered users and makes more than 60,000 journeys a year; over 90 per "
            "cent of users say they are satisfied.",
            "Three of the municipalities that visited Mersin have adapted the model.",
        ),
        lessons=(
            "Demand grows quickly, so write down the booking rules and priorities from the start, or people "
            "will feel the service is unfair.",
            "When vehicle maintenance slips, the service stops: keep at least one spare vehicle.",
        ),
        metrics=(
            ("Registered users", "people"),
            ("Journeys a year", "journeys"),
            ("User satisfaction", "%"),
            ("Vehicles", "vehicles"),
        ),
        steps=(
            (
                "Measure the demand",
                "Use disability registers and talk to disability associations to find how many people need "
                "regular transport.",
                "Disability register, meetings with associations",
                "1 month",
            ),
            (
                "Get the vehicles",
                "Buy or lease vehicles with lifts and restraints, and plan for a spare.",
                "Vehicle budget, technical specification",
                "3–4 months",
            ),
            (
                "Set up the call centre and booking rules",
                "Write the rules for booking, cancelling and priority; train the call-centre staff.",
                "Phone line, booking software",
                "1 month",
            ),
            (
                "Train drivers and escorts",
                "Complete training in communicating with disabled passengers, securing wheelchairs and "
                "first aid.",
                "Trainer, first-aid certificate course",
                "2 weeks",
            ),
        ),
        partners=(
            ("Mersin Association of People with Physical Disabilities", "User feedback and priority rules"),
            ("Provincial Directorate of Family and Social Services", "Vehicle purchase project"),
        ),
        contact_unit="Disability Services Directorate",
    ),
    EnglishPractice(
        source="dezavantajli-mahallede-cocuk-sanat-atolyeleri",
        slug="childrens-art-workshops-in-a-disadvantaged-neighbourhood",
        title="Children's Art Workshops in a Disadvantaged Neighbourhood",
        summary=(
            "Free after-school and weekend workshops in painting, music, drama and ceramics for children "
            "aged 7 to 14 in and around Hal Mahallesi, with a neighbourhood exhibition of their work twice "
            "a year."
        ),
        introduction="Art is the shortest way for a child to go beyond the edge of the neighbourhood.",
        implementing_unit="Department of Culture and Social Affairs with the Social Policy Office",
        location="Hal Mahallesi and surrounding neighbourhoods, Akdeniz district",
        funding_sources="Municipal budget; materials from civil society and the university",
        staff_needed="4 art teachers, 1 school counsellor, student volunteers from the university",
        time_to_launch="3 months",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}",
        beneficiaries="Children aged 7 to 14 living in disadvantaged neighbourhoods",
        problem=(
            "Most children in and around Hal Mahallesi spent their time outside school on the street. "
            "There was no library, art studio or safe playground nearby, and families could not pay for "
            "courses.",
            "Children of migrant families struggled to join in at school and in the neighbourhood because "
            "of the language barrier, and fell further behind their peers.",
        ),
        approach=(
            "An unused municipal warehouse became an art house, designed with ideas from the children "
            "themselves. Workshops run after school and at weekends in age groups of no more than 15.",
            "Painting, rhythm and music, creative drama and ceramics take turns. The drama workshops are "
            "planned to bring Turkish- and Arabic-speaking children together.",
            "Twice a year the children's work is shown in the neighbourhood square, with families and "
            "neighbours invited.",
        ),
        results=(
            "In four years 1,250 children took part for at least one term, and more than 70 per cent "
            "attended regularly.",
            "Teachers report better school attendance and more participation in class among children who "
            "come to the workshops. Two visiting municipalities have adapted the model in their cultural "
            "centres.",
        ),
        lessons=(
            "What decides attendance most is that children can walk to the workshops.",
            "Write a child protection policy and have every teacher and volunteer sign it before the first "
            "session.",
        ),
        metrics=(
            ("Children taking part", "children"),
            ("Regular attendance", "%"),
            ("Workshop sessions a year", "sessions"),
        ),
        steps=(
            (
                "Find the place",
                "Choose a safe, light municipal building in the neighbourhood that children can walk to.",
                "The municipality's property register",
                "1 month",
            ),
            (
                "Design it with the children",
                "Decide the layout and the workshop subjects in meetings of a children's council.",
                "Facilitator, drawing materials",
                "2 weeks",
            ),
            (
                "Choose teachers and volunteers",
                "Work with art teachers and university volunteers; have them sign the child protection "
                "policy.",
                "4 teachers, volunteer agreement",
                "1 month",
            ),
            (
                "Start the programme",
                "Plan a term's programme by age group and start with groups of no more than 15.",
                "Art materials, a ceramics kiln",
                "Each term",
            ),
            (
                "Hold a neighbourhood exhibition",
                "At the end of the term, show the children's work in the neighbourhood square with their "
                "families.",
                "Display boards, sound system",
                "1 week",
            ),
        ),
        partners=(
            ("Mersin University Faculty of Fine Arts", "Student volunteer teachers"),
            ("Hal Mahallesi neighbourhood office", "Reaching families and spreading the word"),
        ),
        contact_unit="Social Policy Office – Children and Youth Unit",
    ),
)

HOME_PAGE = {
    "title": "Everyone is someone's someone",
    "slug": "en",
    "introduction": (
        "The good-practice library of Mersin Metropolitan Municipality's Social Policy Office: social "
        "services for every stage of life, from birth to old age, documented so that other municipalities "
        "can adapt them."
    ),
    "mission_title": "Our mission",
    "mission": (
        "<p><b>Everyone is someone's someone.</b> The Social Policy Office aims to stand by everyone who "
        "lives in the city at every stage of life: from the first home visit to a family with a newborn "
        "baby to home care for an older person living alone.</p>"
        "<p>We host other municipalities on study visits and keep working with those who want to adapt our "
        "practices. Our work in health, agriculture, culture and the arts and disability services has been "
        "taken up by other municipalities; the figures above and on the impact page are counted from our "
        "records.</p>"
        "<p>For each practice the library sets out the problem, the approach, the results, the lessons "
        "learned and a step-by-step guide to adapting it. Most practices are written in Turkish; those "
        "marked <i>In Turkish</i> have no English version yet. To see a practice at work, request a study "
        "visit.</p>"
    ),
}

PRIVACY_NOTICE = (
    "<h2>How we process your personal data</h2>"
    '<p>Mersin Metropolitan Municipality ("the Municipality") is the data controller under Article 10 of '
    'Türkiye\'s Personal Data Protection Law No. 6698 ("KVKK"). This notice explains how we process the '
    "personal data you share with us through Practice Atlas.</p>"
    "<h3>What we process and why</h3>"
    "<p>Through the study visit request form we process your name, job title, organisation, e-mail "
    "address and phone number in order to consider your request, plan the visit, stay in touch with you and "
    "follow how a practice is adapted. This data is never published on public pages; we only publish "
    "aggregate statistics that contain no personal data.</p>"
    "<h3>Legal basis and how we collect it</h3>"
    "<p>We collect your data electronically through the form, on the basis of your explicit consent "
    "(Article 5(1) KVKK) and so that the Municipality can meet its legal obligations under Laws No. 5393 "
    "and 5216 (Article 5(2)(ç) KVKK).</p>"
    "<h3>Who we share it with</h3>"
    "<p>We share your data only with the Municipality's units and the public authorities legally entitled "
    "to it, and only as far as the visit requires. It is not transferred abroad.</p>"
    "<h3>Your rights</h3>"
    "<p>Under Article 11 KVKK you may ask whether your data is processed, have it corrected or erased, "
    "object to its processing and withdraw your consent at any time. Write to "
    "sosyalpolitika@mersin.bel.tr.example or to our office in Hal Mahallesi, Akdeniz, Mersin.</p>"
)
