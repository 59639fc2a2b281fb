"""The editorial pages every Takafamap site has, in French, Arabic and English.

``manage.py setup_site`` builds them (``cms.setup``): the programme, the three sectors, the
news and agenda indexes (empty), the hubs index, contact, the personal-data notice, the legal
notice and the hackathon page. Editors change them in the admin afterwards; setup_site never
overwrites a page that exists.

Bodies are lists of simple tuples turned into StreamField data by ``cms.setup.stream``:
``("h2", text)``, ``("h3", text)``, ``("p", html)``, ``("quote", text, author)`` and
``("figure", image_key, alt_text, caption)``; a figure is left out when no picture with that
key is given (a fresh site has none).
"""

LANGUAGES = ("fr", "ar", "en")

# --------------------------------------------------------------------------------------
# Home page
# --------------------------------------------------------------------------------------
HOME = {
    "fr": {
        "hero_title": "Image, son et lumière de l'Oriental",
        "hero_text": (
            "Takafamap réunit les jeunes créateurs accompagnés par le programme Takafaship : "
            "découvrez leur travail, commandez leurs produits et leurs services, et trouvez "
            "les professionnels de la culture près de chez vous, partout dans l'Oriental."
        ),
        "hero_cta_text": "Découvrir le programme",
        "body": [
            ("h2", "Takafaship en bref"),
            (
                "p",
                "<p>Takafaship fait grandir l'entrepreneuriat culturel chez les jeunes de "
                "18 à 30 ans de la région de l'Oriental. Porté par une association "
                "culturelle d'Oujda et accueilli par un centre culturel franco-marocain, le "
                "programme accompagne des porteurs de projets dans trois secteurs : "
                "l'image, le son et la lumière.</p>",
            ),
            (
                "p",
                "<ul><li><b>8 mois</b> de programme, dont 5 mois d'accompagnement</li>"
                "<li><b>30 jeunes</b> dans la première cohorte, à Oujda</li>"
                "<li><b>2 000 jeunes</b> rencontrés lors des cafés-débats</li>"
                "<li><b>100 projets</b> accompagnés dans tout l'Oriental</li>"
                "<li><b>Un hub</b> de coworking dans chaque province</li></ul>",
            ),
        ],
    },
    "ar": {
        "hero_title": "صورة وصوت وضوء من الجهة الشرقية",
        "hero_text": (
            "تجمع منصة تكافاماب المبدعين الشباب الذين يواكبهم برنامج تكافاشيب: اكتشفوا "
            "أعمالهم، واطلبوا منتجاتهم وخدماتهم، وتعرّفوا على مهنيي الثقافة القريبين منكم في "
            "كل أنحاء الجهة الشرقية."
        ),
        "hero_cta_text": "اكتشفوا البرنامج",
        "body": [
            ("h2", "تكافاشيب باختصار"),
            (
                "p",
                "<p>يعمل برنامج تكافاشيب على تنمية المقاولة الثقافية لدى الشباب الذين "
                "تتراوح أعمارهم بين 18 و30 سنة في جهة الشرق. تحمله جمعية ثقافية من وجدة "
                "ويحتضنه مركز ثقافي مغربي فرنسي، ويواكب حاملي المشاريع في ثلاثة قطاعات: "
                "الصورة والصوت والضوء.</p>",
            ),
            (
                "p",
                "<ul><li><b>8 أشهر</b> مدة البرنامج، منها 5 أشهر من المواكبة</li>"
                "<li><b>30 شابة وشابًا</b> في الفوج الأول بوجدة</li>"
                "<li><b>2000 شاب وشابة</b> نلتقيهم في لقاءات «مقهى-نقاش»</li>"
                "<li><b>100 مشروع</b> نواكبها في مجموع الجهة الشرقية</li>"
                "<li><b>فضاء للعمل المشترك</b> في كل إقليم</li></ul>",
            ),
        ],
    },
    "en": {
        "hero_title": "Image, sound and light from the Oriental",
        "hero_text": (
            "Takafamap brings together the young creators supported by the Takafaship "
            "programme: discover their work, order their products and services, and find "
            "culture professionals near you, anywhere in the Oriental region."
        ),
        "hero_cta_text": "Discover the programme",
        "body": [
            ("h2", "Takafaship in brief"),
            (
                "p",
                "<p>Takafaship grows cultural entrepreneurship among young people aged 18 to "
                "30 in Morocco's Oriental region. Run by a cultural association from Oujda "
                "and hosted at a Franco-Moroccan cultural centre, the programme supports "
                "project holders in three sectors: image, sound and light.</p>",
            ),
            (
                "p",
                "<ul><li><b>8 months</b> of programme, including 5 months of support</li>"
                "<li><b>30 young people</b> in the first cohort, in Oujda</li>"
                "<li><b>2,000 young people</b> met at our cafés-débats</li>"
                "<li><b>100 projects</b> supported across the Oriental</li>"
                "<li><b>One coworking hub</b> in every province</li></ul>",
            ),
        ],
    },
}

# --------------------------------------------------------------------------------------
# The programme
# --------------------------------------------------------------------------------------
PROGRAMME = {
    "slug": "programme",
    "image": "programme",
    "fr": {
        "title": "Le programme",
        "introduction": (
            "Huit mois pour passer d'une idée à une activité culturelle qui fait vivre : "
            "Takafaship accompagne les jeunes de l'Oriental qui créent avec l'image, le son "
            "et la lumière."
        ),
        "body": [
            ("h2", "Huit mois, quatre étapes"),
            ("h3", "Mois 1 — Information et promotion"),
            (
                "p",
                "<p>Des cafés-débats et des séances d'information dans les huit provinces et "
                "préfectures de l'Oriental font connaître le programme et les métiers de la "
                "culture. Chaque rencontre enrichit une base de contacts qui vise "
                "<b>2 000 jeunes</b>.</p>",
            ),
            ("h3", "Mois 2 — Le hackathon"),
            (
                "p",
                "<p>Un mois pour préparer et organiser le hackathon : les candidats "
                "présentent leur projet, travaillent un week-end en équipe avec des mentors, "
                "puis le défendent devant un jury. Le hackathon sélectionne les porteurs de "
                "projets de la cohorte.</p>",
            ),
            ("h3", "Mois 3 à 7 — Cinq mois d'accompagnement"),
            (
                "p",
                "<p>Formations, coaching individuel, mise en réseau avec les professionnels et "
                "appui matériel : chaque bénéficiaire construit son offre de produits et de "
                "services et ouvre sa boutique sur Takafamap. L'Karfour, le marché de la "
                "culture jeune, dont la 5e édition a lieu pendant le programme, est leur "
                "premier marché.</p>",
            ),
            ("h3", "Mois 8 — Clôture"),
            (
                "p",
                "<p>Bilan des projets, présentation publique des créateurs et de leurs "
                "réalisations, et passage de relais aux hubs de la région pour la suite.</p>",
            ),
            (
                "figure",
                "programme",
                "Porte de médina couverte d'étoiles projetées en lumière dorée",
                "Image, son, lumière : les trois secteurs du programme",
            ),
            ("h2", "Qui peut candidater ?"),
            (
                "p",
                "<ul><li>Avoir entre 18 et 30 ans ;</li>"
                "<li>être de la région de l'Oriental ;</li>"
                "<li>porter un projet dans l'image (audiovisuel, motion design, infographie, "
                "photographie), le son (sonorisation, enregistrement, mixage, sound design) "
                "ou la lumière (éclairage, projection mapping).</li></ul>"
                "<p>Aucun diplôme n'est demandé : le hackathon juge le projet et "
                "l'envie.</p>",
            ),
            ("h2", "La première cohorte"),
            (
                "p",
                "<p>Trente bénéficiaires sont accompagnés à Oujda pendant cinq mois. Chacun "
                "dispose d'un budget d'environ <b>5 000 MAD</b> pour son projet, soit "
                "<b>150 000 MAD</b> pour la cohorte.</p>",
            ),
            ("h2", "Ce que nous voulons atteindre"),
            (
                "p",
                "<ul><li>2 000 jeunes informés lors des cafés-débats ;</li>"
                "<li>100 projets accompagnés dans tout l'Oriental ;</li>"
                "<li>un hub de coworking créé ou renforcé dans chaque province ;</li>"
                "<li>une plateforme numérique où les créateurs accompagnés présentent leurs "
                "produits et leurs services à leurs clients ;</li>"
                "<li>un réseau de professionnels de la culture qui se connaissent et "
                "travaillent ensemble.</li></ul>",
            ),
        ],
    },
    "ar": {
        "title": "البرنامج",
        "introduction": (
            "ثمانية أشهر للانتقال من فكرة إلى نشاط ثقافي يضمن العيش الكريم: يواكب تكافاشيب "
            "شباب الجهة الشرقية الذين يبدعون بالصورة والصوت والضوء."
        ),
        "body": [
            ("h2", "ثمانية أشهر، أربع مراحل"),
            ("h3", "الشهر الأول — الإعلام والترويج"),
            (
                "p",
                "<p>تعرّف لقاءات «مقهى-نقاش» وجلسات إعلامية في العمالات والأقاليم الثمانية "
                "للجهة الشرقية بالبرنامج وبمهن الثقافة. ويغني كل لقاء قاعدة بيانات تسعى إلى "
                "بلوغ <b>2000 شاب وشابة</b>.</p>",
            ),
            ("h3", "الشهر الثاني — الهاكاثون"),
            (
                "p",
                "<p>شهر لتحضير الهاكاثون وتنظيمه: يقدّم المترشحون مشاريعهم، ويشتغلون ضمن "
                "فرق طيلة عطلة نهاية أسبوع رفقة مؤطرين، ثم يدافعون عنها أمام لجنة تحكيم. "
                "ويختار الهاكاثون حاملي مشاريع الفوج.</p>",
            ),
            ("h3", "من الشهر الثالث إلى السابع — خمسة أشهر من المواكبة"),
            (
                "p",
                "<p>تكوينات، وتوجيه فردي، وربط بالمهنيين، ودعم بالمعدات: يبني كل مستفيد عرضه "
                "من المنتجات والخدمات ويفتح متجره على تكافاماب. ويشكّل سوق لكرفور لثقافة "
                "الشباب، الذي تُنظَّم دورته الخامسة خلال البرنامج، أول سوق لهم.</p>",
            ),
            ("h3", "الشهر الثامن — الاختتام"),
            (
                "p",
                "<p>حصيلة المشاريع، وتقديم عمومي للمبدعين وإنجازاتهم، وتسليم المشعل لفضاءات "
                "العمل المشترك في الجهة لمواصلة الطريق.</p>",
            ),
            (
                "figure",
                "programme",
                "باب مدينة عتيقة تغطيه نجوم مسقطة بضوء ذهبي",
                "الصورة والصوت والضوء: قطاعات البرنامج الثلاثة",
            ),
            ("h2", "من يمكنه الترشح؟"),
            (
                "p",
                "<ul><li>أن يتراوح عمرك بين 18 و30 سنة؛</li>"
                "<li>أن تكون من جهة الشرق؛</li>"
                "<li>أن تحمل مشروعًا في الصورة (السمعي البصري، التصميم المتحرك، "
                "الإنفوغرافيا، التصوير الفوتوغرافي)، أو الصوت (الصوت الحي، التسجيل، مزج "
                "الصوت، تصميم الصوت)، أو الضوء (الإضاءة، الإسقاط الضوئي).</li></ul>"
                "<p>لا يُشترط أي دبلوم: يحكم الهاكاثون على المشروع وعلى الحماس.</p>",
            ),
            ("h2", "الفوج الأول"),
            (
                "p",
                "<p>يستفيد ثلاثون شابًا وشابة من المواكبة في وجدة لمدة خمسة أشهر. ويتوفر "
                "كل واحد منهم على ميزانية تقارب <b>5000 درهم</b> لمشروعه، أي "
                "<b>150.000 درهم</b> للفوج كاملًا.</p>",
            ),
            ("h2", "ما نطمح إلى تحقيقه"),
            (
                "p",
                "<ul><li>إخبار 2000 شاب وشابة خلال لقاءات «مقهى-نقاش»؛</li>"
                "<li>مواكبة 100 مشروع في مجموع الجهة الشرقية؛</li>"
                "<li>إحداث أو تقوية فضاء للعمل المشترك في كل إقليم؛</li>"
                "<li>منصة رقمية يعرض فيها المبدعون المواكَبون منتجاتهم وخدماتهم على "
                "زبنائهم؛</li>"
                "<li>شبكة من مهنيي الثقافة يتعارفون ويعملون معًا.</li></ul>",
            ),
        ],
    },
    "en": {
        "title": "The programme",
        "introduction": (
            "Eight months to turn an idea into a cultural business that pays: Takafaship "
            "supports young people in the Oriental who create with image, sound and light."
        ),
        "body": [
            ("h2", "Eight months, four stages"),
            ("h3", "Month 1 — Information and promotion"),
            (
                "p",
                "<p>Cafés-débats and information sessions in the eight provinces and "
                "prefectures of the Oriental introduce the programme and the culture "
                "professions. Every meeting adds to a contact base that aims to reach "
                "<b>2,000 young people</b>.</p>",
            ),
            ("h3", "Month 2 — The hackathon"),
            (
                "p",
                "<p>One month to prepare and run the hackathon: applicants present their "
                "project, work in teams over a weekend with mentors, then defend it before a "
                "jury. The hackathon selects the cohort's project holders.</p>",
            ),
            ("h3", "Months 3 to 7 — Five months of support"),
            (
                "p",
                "<p>Training, one-to-one coaching, introductions to professionals and "
                "equipment: each beneficiary builds a range of products and services and "
                "opens a shop on Takafamap. L'Karfour, the youth culture market, whose 5th "
                "edition takes place during the programme, is their first market.</p>",
            ),
            ("h3", "Month 8 — Closing"),
            (
                "p",
                "<p>Project reviews, a public showcase of the creators and their work, and a "
                "handover to the region's hubs for what comes next.</p>",
            ),
            (
                "figure",
                "programme",
                "A medina gate covered in projected golden stars",
                "Image, sound, light: the programme's three sectors",
            ),
            ("h2", "Who can apply?"),
            (
                "p",
                "<ul><li>You are between 18 and 30 years old;</li>"
                "<li>you are from the Oriental region;</li>"
                "<li>your project is in image (audiovisual, motion graphics, infographics, "
                "photography), sound (live sound, recording, mixing, sound design) or light "
                "(lighting, projection mapping).</li></ul>"
                "<p>No diploma is required: the hackathon judges the project and the "
                "drive behind it.</p>",
            ),
            ("h2", "The first cohort"),
            (
                "p",
                "<p>Thirty beneficiaries are supported in Oujda for five months. Each has a "
                "budget of about <b>MAD 5,000</b> for their project, <b>MAD 150,000</b> for "
                "the cohort as a whole.</p>",
            ),
            ("h2", "What we aim to achieve"),
            (
                "p",
                "<ul><li>2,000 young people informed at cafés-débats;</li>"
                "<li>100 projects supported across the Oriental;</li>"
                "<li>a coworking hub created or strengthened in every province;</li>"
                "<li>a digital platform where supported creators show their products and "
                "services to clients;</li>"
                "<li>a network of culture professionals who know each other and work "
                "together.</li></ul>",
            ),
        ],
    },
}

# --------------------------------------------------------------------------------------
# Sectors
# --------------------------------------------------------------------------------------
SECTOR_INDEX = {
    "slug": "secteurs",
    "fr": {
        "title": "Secteurs",
        "introduction": (
            "Le programme s'adresse aux créateurs de trois secteurs : l'image, le son et la "
            "lumière. Leurs métiers se croisent sur les tournages, les scènes et les fêtes "
            "de la région."
        ),
    },
    "ar": {
        "title": "القطاعات",
        "introduction": (
            "يتوجه البرنامج إلى المبدعين في ثلاثة قطاعات: الصورة والصوت والضوء. وتلتقي "
            "مهنهم في مواقع التصوير وعلى الخشبات وفي احتفالات الجهة."
        ),
    },
    "en": {
        "title": "Sectors",
        "introduction": (
            "The programme is for creators in three sectors: image, sound and light. Their "
            "trades meet on film sets, on stage and at the region's celebrations."
        ),
    },
}

SECTORS = {
    "image": {
        "image": "sector-image",
        "fr": {
            "introduction": (
                "Audiovisuel, motion design, infographie et photographie : les métiers qui "
                "fabriquent les images de l'Oriental."
            ),
            "body": [
                ("h2", "Quatre disciplines"),
                (
                    "p",
                    "<ul><li><b>Audiovisuel</b> : films de mariage, clips, documentaires, "
                    "captations de concerts, montage et étalonnage.</li>"
                    "<li><b>Motion design</b> : logos animés, vidéos explicatives, habillages "
                    "de chaînes, titres bilingues.</li>"
                    "<li><b>Infographie</b> : identités visuelles, affiches, illustrations, "
                    "infographies de données.</li>"
                    "<li><b>Photographie</b> : portraits, reportages, mariages, photos de "
                    "produits, tirages d'art et livres.</li></ul>",
                ),
                ("h2", "Ce que proposent les créateurs"),
                (
                    "p",
                    "<p>Dans la boutique, vous trouverez des services sur devis, comme un "
                    "film de mariage ou une identité visuelle, et des produits prêts à "
                    "emporter : tirages, livres photo, affiches en risographie, packs de "
                    "LUTs et de templates.</p>",
                ),
            ],
        },
        "ar": {
            "introduction": (
                "السمعي البصري والتصميم المتحرك والإنفوغرافيا والتصوير الفوتوغرافي: مهن تصنع "
                "صور الجهة الشرقية."
            ),
            "body": [
                ("h2", "أربعة تخصصات"),
                (
                    "p",
                    "<ul><li><b>السمعي البصري</b>: أفلام الأعراس، الكليبات، الأفلام "
                    "الوثائقية، تصوير الحفلات، المونتاج وتصحيح الألوان.</li>"
                    "<li><b>التصميم المتحرك</b>: شعارات متحركة، فيديوهات توضيحية، هويات "
                    "بصرية للقنوات، عناوين بلغتين.</li>"
                    "<li><b>الإنفوغرافيا</b>: هويات بصرية، ملصقات، رسوم توضيحية، "
                    "إنفوغرافيك للبيانات.</li>"
                    "<li><b>التصوير الفوتوغرافي</b>: بورتريهات، روبورتاجات، أعراس، صور "
                    "المنتجات، طبعات فنية وكتب.</li></ul>",
                ),
                ("h2", "ما يقدمه المبدعون"),
                (
                    "p",
                    "<p>ستجدون في المتجر خدمات حسب الطلب، مثل فيلم عرس أو هوية بصرية، "
                    "ومنتجات جاهزة: طبعات فوتوغرافية، كتب صور، ملصقات، وحزم LUT وقوالب "
                    "للفيديو.</p>",
                ),
            ],
        },
        "en": {
            "introduction": (
                "Audiovisual, motion graphics, infographics and photography: the trades that "
                "make the Oriental's pictures."
            ),
            "body": [
                ("h2", "Four disciplines"),
                (
                    "p",
                    "<ul><li><b>Audiovisual</b>: wedding films, music videos, documentaries, "
                    "concert filming, editing and colour grading.</li>"
                    "<li><b>Motion graphics</b>: animated logos, explainer videos, channel "
                    "branding, bilingual titles.</li>"
                    "<li><b>Infographics</b>: visual identities, posters, illustration, data "
                    "graphics.</li>"
                    "<li><b>Photography</b>: portraits, reportage, weddings, product shots, "
                    "fine-art prints and books.</li></ul>",
                ),
                ("h2", "What the creators offer"),
                (
                    "p",
                    "<p>In the shop you will find services on quotation, such as a wedding "
                    "film or a visual identity, and ready-made products: prints, photo books, "
                    "risograph posters, LUT and template packs.</p>",
                ),
            ],
        },
    },
    "son": {
        "image": "sector-son",
        "fr": {
            "introduction": (
                "Sonorisation live, enregistrement, mixage et sound design : celles et ceux qui "
                "font entendre les concerts, les voix et les films de la région."
            ),
            "body": [
                ("h2", "Quatre disciplines"),
                (
                    "p",
                    "<ul><li><b>Sonorisation live</b> : concerts, festivals, conférences, "
                    "cafés-débats, mariages.</li>"
                    "<li><b>Enregistrement</b> : sessions en studio, voix off, podcasts, "
                    "musiques traditionnelles enregistrées sur le terrain.</li>"
                    "<li><b>Mixage</b> : mixage et mastering de titres et d'albums, son pour "
                    "l'image.</li>"
                    "<li><b>Sound design</b> : univers sonores pour le film et le jeu vidéo, "
                    "identités sonores, installations.</li></ul>",
                ),
                ("h2", "Ce que proposent les créateurs"),
                (
                    "p",
                    "<p>Des prestations à réserver pour vos événements et vos productions, "
                    "et des banques de sons enregistrées dans l'Oriental, du souk d'Oujda à "
                    "l'oasis de Figuig.</p>",
                ),
            ],
        },
        "ar": {
            "introduction": (
                "الصوت الحي والتسجيل ومزج الصوت وتصميم الصوت: من يُسمِعون حفلات الجهة "
                "وأصواتها وأفلامها."
            ),
            "body": [
                ("h2", "أربعة تخصصات"),
                (
                    "p",
                    "<ul><li><b>الصوت الحي</b>: الحفلات، المهرجانات، الندوات، لقاءات "
                    "«مقهى-نقاش»، الأعراس.</li>"
                    "<li><b>التسجيل</b>: جلسات في الاستوديو، التعليق الصوتي، البودكاست، "
                    "تسجيل الموسيقى التقليدية في عين المكان.</li>"
                    "<li><b>مزج الصوت</b>: مزج وماسترينغ الأغاني والألبومات، الصوت "
                    "للصورة.</li>"
                    "<li><b>تصميم الصوت</b>: عوالم صوتية للسينما وألعاب الفيديو، هويات "
                    "صوتية، تنصيبات.</li></ul>",
                ),
                ("h2", "ما يقدمه المبدعون"),
                (
                    "p",
                    "<p>خدمات تُحجز لمناسباتكم وإنتاجاتكم، ومكتبات أصوات مسجلة في الجهة "
                    "الشرقية، من سوق وجدة إلى واحة فجيج.</p>",
                ),
            ],
        },
        "en": {
            "introduction": (
                "Live sound, recording, mixing and sound design: the people who make the "
                "region's concerts, voices and films heard."
            ),
            "body": [
                ("h2", "Four disciplines"),
                (
                    "p",
                    "<ul><li><b>Live sound</b>: concerts, festivals, conferences, "
                    "cafés-débats, weddings.</li>"
                    "<li><b>Recording</b>: studio sessions, voice-overs, podcasts, field "
                    "recordings of traditional music.</li>"
                    "<li><b>Mixing</b>: mixing and mastering of songs and albums, sound for "
                    "picture.</li>"
                    "<li><b>Sound design</b>: soundscapes for film and games, sonic "
                    "branding, installations.</li></ul>",
                ),
                ("h2", "What the creators offer"),
                (
                    "p",
                    "<p>Services to book for your events and productions, and sound libraries "
                    "recorded in the Oriental, from the Oujda souk to the Figuig oasis.</p>",
                ),
            ],
        },
    },
    "lumiere": {
        "image": "sector-lumiere",
        "fr": {
            "introduction": (
                "Éclairage et projection mapping : celles et ceux qui mettent en lumière les "
                "scènes, les fêtes et le patrimoine de l'Oriental."
            ),
            "body": [
                ("h2", "Deux disciplines"),
                (
                    "p",
                    "<ul><li><b>Éclairage</b> : création lumière pour le spectacle, régie de "
                    "concerts, mariages et événements, mise en lumière de façades.</li>"
                    "<li><b>Projection mapping</b> : spectacles projetés sur les façades et les "
                    "portes de médina, projections immersives, ateliers.</li></ul>",
                ),
                ("h2", "Ce que proposent les créateurs"),
                (
                    "p",
                    "<p>Des spectacles et des prestations sur devis, mais aussi des lampes "
                    "faites main et des boucles vidéo prêtes à projeter.</p>",
                ),
            ],
        },
        "ar": {
            "introduction": (
                "الإضاءة والإسقاط الضوئي: من يسلطون الضوء على الخشبات والاحتفالات وتراث "
                "الجهة الشرقية."
            ),
            "body": [
                ("h2", "تخصصان"),
                (
                    "p",
                    "<ul><li><b>الإضاءة</b>: تصميم الإضاءة للعروض، إدارة الإضاءة في "
                    "الحفلات والأعراس والتظاهرات، إنارة الواجهات.</li>"
                    "<li><b>الإسقاط الضوئي</b>: عروض مسقطة على الواجهات وأبواب المدن "
                    "العتيقة، عروض غامرة، ورشات.</li></ul>",
                ),
                ("h2", "ما يقدمه المبدعون"),
                (
                    "p",
                    "<p>عروض وخدمات حسب الطلب، ومصابيح مصنوعة يدويًا، ومقاطع فيديو جاهزة "
                    "للإسقاط.</p>",
                ),
            ],
        },
        "en": {
            "introduction": (
                "Lighting and projection mapping: the people who light up the Oriental's "
                "stages, celebrations and heritage."
            ),
            "body": [
                ("h2", "Two disciplines"),
                (
                    "p",
                    "<ul><li><b>Lighting</b>: lighting design for performances, concert, "
                    "wedding and event lighting, facade lighting.</li>"
                    "<li><b>Projection mapping</b>: shows projected on facades and medina "
                    "gates, immersive projections, workshops.</li></ul>",
                ),
                ("h2", "What the creators offer"),
                (
                    "p",
                    "<p>Shows and services on quotation, as well as handmade lamps and video "
                    "loops ready to project.</p>",
                ),
            ],
        },
    },
}

# --------------------------------------------------------------------------------------
# News and agenda (the articles and events are the editors' work)
# --------------------------------------------------------------------------------------
NEWS_INDEX = {
    "slug": "actualites",
    "fr": {
        "title": "Actualités",
        "introduction": "Les nouvelles du programme, des créateurs et des hubs de l'Oriental.",
    },
    "ar": {
        "title": "الأخبار",
        "introduction": "مستجدات البرنامج والمبدعين وفضاءات العمل المشترك في الجهة الشرقية.",
    },
    "en": {
        "title": "News",
        "introduction": "News from the programme, the creators and the Oriental's hubs.",
    },
}

EVENT_INDEX = {
    "slug": "agenda",
    "fr": {
        "title": "Agenda",
        "introduction": "Cafés-débats, séances d'information, ateliers, hackathon et marché : "
        "les rendez-vous du programme dans tout l'Oriental.",
    },
    "ar": {
        "title": "المواعيد",
        "introduction": "لقاءات «مقهى-نقاش» وجلسات إعلامية وورشات وهاكاثون وسوق: مواعيد "
        "البرنامج في كل أنحاء الجهة الشرقية.",
    },
    "en": {
        "title": "Events",
        "introduction": "Cafés-débats, information sessions, workshops, the hackathon and "
        "the market: the programme's events across the Oriental.",
    },
}

# --------------------------------------------------------------------------------------
# Programme page details: timeline, eligibility, figures, partners (per language)
# --------------------------------------------------------------------------------------
PROGRAMME_DETAILS = {
    "fr": {
        "timeline": [
            ("Information et promotion", 1, "Cafés-débats et séances d'information."),
            ("Hackathon", 1, "Trois jours pour transformer une idée en projet."),
            ("Accompagnement", 5, "Formation, mentorat et premières ventes."),
            ("Clôture", 1, "Le marché L'Karfour et la remise des prix."),
        ],
        "eligibility": (
            "<ul><li>Avoir entre 18 et 30 ans</li><li>Vivre dans la région de l'Oriental</li>"
            "<li>Porter un projet dans l'image, le son ou la lumière</li></ul>"
        ),
        "figures": [
            ("30", "jeunes dans la première cohorte"),
            ("100", "projets accompagnés"),
            ("2 000", "jeunes rencontrés"),
            ("8", "hubs, un par province"),
        ],
        "partners": [
            ("Association culturelle d'Oujda", "Porteur du programme"),
            ("Centre culturel franco-marocain", "Lieu d'accueil"),
        ],
    },
    "ar": {
        "timeline": [
            ("الإعلام والترويج", 1, "لقاءات «مقهى-نقاش» وجلسات إعلامية."),
            ("الهاكاثون", 1, "ثلاثة أيام لتحويل فكرة إلى مشروع."),
            ("المواكبة", 5, "تكوين وتأطير وأولى المبيعات."),
            ("الاختتام", 1, "سوق لكرفور وتوزيع الجوائز."),
        ],
        "eligibility": (
            "<ul><li>أن يتراوح عمرك بين 18 و30 سنة</li><li>أن تقيم في جهة الشرق</li>"
            "<li>أن تحمل مشروعًا في الصورة أو الصوت أو الضوء</li></ul>"
        ),
        "figures": [
            ("30", "شابة وشابًا في الفوج الأول"),
            ("100", "مشروع مواكَب"),
            ("2000", "شاب وشابة نلتقيهم"),
            ("8", "فضاءات عمل، واحد في كل إقليم"),
        ],
        "partners": [
            ("جمعية ثقافية من وجدة", "حاملة البرنامج"),
            ("مركز ثقافي مغربي فرنسي", "مكان الاستقبال"),
        ],
    },
    "en": {
        "timeline": [
            ("Information and outreach", 1, "Cafés-débats and information sessions."),
            ("Hackathon", 1, "Three days to turn an idea into a project."),
            ("Support", 5, "Training, mentoring and first sales."),
            ("Closing", 1, "The L'Karfour market and the awards."),
        ],
        "eligibility": (
            "<ul><li>Be 18 to 30 years old</li><li>Live in the Oriental region</li>"
            "<li>Have a project in image, sound or light</li></ul>"
        ),
        "figures": [
            ("30", "young people in the first cohort"),
            ("100", "projects supported"),
            ("2,000", "young people met"),
            ("8", "hubs, one per province"),
        ],
        "partners": [
            ("Cultural association of Oujda", "Runs the programme"),
            ("Franco-Moroccan cultural centre", "Host venue"),
        ],
    },
}

HUB_INDEX = {
    "slug": "hubs",
    "fr": {
        "title": "Les hubs",
        "introduction": (
            "Un espace de coworking dans chaque province de l'Oriental : des bureaux, du "
            "matériel et une équipe pour les jeunes créateurs."
        ),
    },
    "ar": {
        "title": "فضاءات العمل المشترك",
        "introduction": (
            "فضاء للعمل المشترك في كل إقليم من أقاليم الجهة الشرقية: مكاتب وتجهيزات وفريق "
            "في خدمة المبدعين الشباب."
        ),
    },
    "en": {
        "title": "The hubs",
        "introduction": (
            "A coworking space in every province of the Oriental: desks, equipment and a "
            "team for young creators."
        ),
    },
}

CONTACT = {
    "slug": "contact",
    "fr": {
        "title": "Contact",
        "introduction": (
            "Une question sur le programme, un projet, un partenariat ? Écrivez-nous : "
            "l'équipe répond sous quelques jours ouvrés."
        ),
        "subject": "Message reçu sur Takafamap",
        "fields": [
            ("Votre nom", "singleline", True),
            ("Votre adresse e-mail", "email", True),
            ("Votre message", "multiline", True),
        ],
    },
    "ar": {
        "title": "اتصل بنا",
        "introduction": (
            "سؤال حول البرنامج أو مشروع أو شراكة؟ راسلونا: يجيب الفريق في غضون أيام عمل قليلة."
        ),
        "subject": "رسالة واردة عبر تقافماب",
        "fields": [
            ("اسمكم", "singleline", True),
            ("بريدكم الإلكتروني", "email", True),
            ("رسالتكم", "multiline", True),
        ],
    },
    "en": {
        "title": "Contact",
        "introduction": (
            "A question about the programme, a project, a partnership? Write to us: the team "
            "answers within a few working days."
        ),
        "subject": "Message received on Takafamap",
        "fields": [
            ("Your name", "singleline", True),
            ("Your email address", "email", True),
            ("Your message", "multiline", True),
        ],
    },
}

PRIVACY = {
    "slug": "donnees-personnelles",
    "fr": {
        "title": "Données personnelles",
        "introduction": (
            "Comment Takafamap traite vos données personnelles, conformément à la loi 09-08 "
            "et sous le contrôle de la CNDP."
        ),
        "body": [
            ("h2", "Quelles données, pour quoi faire"),
            (
                "p",
                "<p>Nous ne recueillons que les données nécessaires à ce que vous nous "
                "demandez : votre compte, vos commandes, votre profil dans l'annuaire ou votre "
                "message. Elles ne sont ni vendues ni cédées.</p>",
            ),
            ("h2", "Vos droits"),
            (
                "p",
                "<p>Vous pouvez accéder à vos données, les corriger ou les supprimer à tout "
                "moment en écrivant à contact@takafamap.ma.</p>",
            ),
        ],
    },
    "ar": {
        "title": "المعطيات الشخصية",
        "introduction": (
            "كيف تعالج تقافماب معطياتكم الشخصية، طبقا للقانون 09-08 وتحت مراقبة اللجنة "
            "الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي."
        ),
        "body": [
            ("h2", "أي معطيات ولأي غرض"),
            (
                "p",
                "<p>لا نجمع إلا المعطيات الضرورية لما تطلبونه منا: حسابكم أو طلبياتكم أو "
                "ملفكم في الدليل أو رسالتكم. لا تباع ولا تفوت لأي جهة.</p>",
            ),
            ("h2", "حقوقكم"),
            (
                "p",
                "<p>يمكنكم في أي وقت الاطلاع على معطياتكم أو تصحيحها أو حذفها بمراسلتنا على "
                "contact@takafamap.ma.</p>",
            ),
        ],
    },
    "en": {
        "title": "Personal data",
        "introduction": (
            "How Takafamap processes your personal data, under Moroccan law 09-08 and the "
            "supervision of the CNDP."
        ),
        "body": [
            ("h2", "Which data, and what for"),
            (
                "p",
                "<p>We only collect the data needed for what you ask of us: your account, your "
                "orders, your directory profile or your message. They are never sold or "
                "passed on.</p>",
            ),
            ("h2", "Your rights"),
            (
                "p",
                "<p>You can see, correct or delete your data at any time by writing to "
                "contact@takafamap.ma.</p>",
            ),
        ],
    },
}

# Placeholders in brackets: the operator fills them in the admin after setup_site.
LEGAL = {
    "slug": "mentions-legales",
    "fr": {
        "title": "Mentions légales",
        "introduction": "Qui édite et héberge ce site.",
        "body": [
            ("h2", "Éditeur"),
            (
                "p",
                "<p>Takafamap est édité par [nom de l'association], association culturelle "
                "d'Oujda, [adresse]. Directeur ou directrice de la publication : [nom].</p>",
            ),
            ("h2", "Hébergement"),
            ("p", "<p>[Nom et adresse de l'hébergeur].</p>"),
            ("h2", "Contact"),
            ("p", "<p>contact@takafamap.ma</p>"),
        ],
    },
    "ar": {
        "title": "إشعار قانوني",
        "introduction": "من ينشر هذا الموقع ومن يستضيفه.",
        "body": [
            ("h2", "الناشر"),
            (
                "p",
                "<p>تنشر موقع تقافماب [اسم الجمعية]، جمعية ثقافية بوجدة، [العنوان]. مدير "
                "النشر: [الاسم].</p>",
            ),
            ("h2", "الاستضافة"),
            ("p", "<p>[اسم المستضيف وعنوانه].</p>"),
            ("h2", "الاتصال"),
            ("p", "<p>contact@takafamap.ma</p>"),
        ],
    },
    "en": {
        "title": "Legal notice",
        "introduction": "Who publishes and hosts this site.",
        "body": [
            ("h2", "Publisher"),
            (
                "p",
                "<p>Takafamap is published by [name of the association], a cultural "
                "association in Oujda, [address]. Publication director: [name].</p>",
            ),
            ("h2", "Hosting"),
            ("p", "<p>[Name and address of the host].</p>"),
            ("h2", "Contact"),
            ("p", "<p>contact@takafamap.ma</p>"),
        ],
    },
}

# The application form itself is at /<lang>/hackathon/ (hackathon app); this page presents
# the hackathon, so its slug must differ from that path.
HACKATHON = {
    "slug": "le-hackathon",
    "fr": {
        "title": "Le hackathon",
        "introduction": (
            "Le hackathon sélectionne les porteurs de projets accompagnés par Takafaship."
        ),
        "body": [
            ("h2", "Qui peut candidater"),
            (
                "p",
                "<p>Les jeunes de 18 à 30 ans de la région de l'Oriental, porteurs d'un projet "
                "dans l'image, le son ou la lumière, seuls ou en équipe.</p>",
            ),
            ("h2", "Comment ça se passe"),
            (
                "p",
                "<p>Pendant l'appel à projets, déposez votre candidature en ligne. Un jury "
                "note les dossiers ; les équipes retenues présentent leur projet pendant le "
                "hackathon, puis sont accompagnées pendant cinq mois.</p>",
            ),
            ("p", '<p><a href="/fr/hackathon/">Voir l\'appel à projets et candidater</a></p>'),
        ],
    },
    "ar": {
        "title": "الهاكاثون",
        "introduction": "يختار الهاكاثون حاملي المشاريع الذين يرافقهم برنامج تقافاشيب.",
        "body": [
            ("h2", "من يمكنه الترشح"),
            (
                "p",
                "<p>الشباب من 18 إلى 30 سنة من الجهة الشرقية، حاملو مشروع في الصورة أو الصوت "
                "أو الضوء، فرادى أو ضمن فريق.</p>",
            ),
            ("h2", "كيف يجري"),
            (
                "p",
                "<p>خلال فترة طلب المشاريع، قدموا ترشيحكم عبر الإنترنت. تقيّم لجنة التحكيم "
                "الملفات، وتقدم الفرق المختارة مشاريعها خلال الهاكاثون ثم تستفيد من مرافقة "
                "لمدة خمسة أشهر.</p>",
            ),
            ("p", '<p><a href="/ar/hackathon/">الاطلاع على طلب المشاريع والترشح</a></p>'),
        ],
    },
    "en": {
        "title": "The hackathon",
        "introduction": "The hackathon selects the project holders Takafaship supports.",
        "body": [
            ("h2", "Who can apply"),
            (
                "p",
                "<p>Young people aged 18 to 30 from the Oriental region with a project in "
                "image, sound or light, alone or as a team.</p>",
            ),
            ("h2", "How it works"),
            (
                "p",
                "<p>While the call is open, apply online. A jury scores the applications; the "
                "teams selected present their project at the hackathon, then are supported "
                "for five months.</p>",
            ),
            ("p", '<p><a href="/en/hackathon/">See the call for projects and apply</a></p>'),
        ],
    },
}

FOOTER_TEXT = (
    "Takafaship est porté par une association culturelle d'Oujda, avec le soutien de ses "
    "partenaires."
)
FOOTER_TEXT_AR = "يحمل برنامج تكافاشيب جمعية ثقافية من وجدة، بدعم من شركائها."
FOOTER_TEXT_EN = (
    "Takafaship is run by a cultural association from Oujda, with its partners' support."
)
