"""Editorial demo content (Wagtail pages) in French, Arabic and English.

Bodies are lists of simple tuples turned into StreamField data by ``builders.stream``:
``("h2", text)``, ``("h3", text)``, ``("p", html)``, ``("quote", text, author)`` and
``("figure", image_key, alt_text, caption)``. Dates are relative to the day the demo is
loaded (``days`` before or after today), so the agenda always has upcoming events.
"""

LANGUAGES = ("fr", "ar", "en")

# --------------------------------------------------------------------------------------
# Pictures made for the pages: key → (title, alt text, colour source, motif)
# colour source: a sector slug (its colour is used).
# --------------------------------------------------------------------------------------
PAGE_IMAGES = {
    "hero": (
        "Accueil — image, son et lumière",
        "Faisceaux de lumière chaude sur un fond ocre et brique",
        "image",
        "eclairage",
    ),
    "programme": (
        "Le programme Takafaship",
        "Porte de médina couverte d'étoiles projetées en lumière dorée",
        "lumiere",
        "projection-mapping",
    ),
    "sector-image": (
        "Secteur Image",
        "Diaphragme d'appareil photo stylisé sur fond brique",
        "image",
        "photographie",
    ),
    "sector-son": (
        "Secteur Son",
        "Forme d'onde sonore claire sur fond bleu-vert",
        "son",
        "sonorisation-live",
    ),
    "sector-lumiere": (
        "Secteur Lumière",
        "Projecteurs de scène en faisceaux dorés",
        "lumiere",
        "eclairage",
    ),
    "news-lancement": (
        "Lancement de Takafaship",
        "Pellicule de film et bouton de lecture",
        "image",
        "audiovisuel",
    ),
    "news-hackathon-appel": (
        "Appel au hackathon",
        "Formes géométriques en mouvement",
        "image",
        "motion-design",
    ),
    "news-cafe-debat-berkane": (
        "Café-débat à Berkane",
        "Diaphragme et cercles lumineux sur fond chaud",
        "image",
        "photographie",
    ),
    "news-premiere-cohorte": (
        "Première cohorte",
        "Graphique en barres et en anneau",
        "image",
        "infographie",
    ),
    "news-hub-nador": (
        "Hub de Nador",
        "Spectre sonore circulaire sur fond bleu-vert",
        "son",
        "sound-design",
    ),
    "news-lkarfour-5": (
        "L'Karfour, 5e édition",
        "Faisceaux de projecteurs sur fond doré",
        "lumiere",
        "eclairage",
    ),
    "news-boutiques": (
        "Les boutiques des créateurs",
        "Console de mixage stylisée",
        "son",
        "mixage",
    ),
    "event-cafe-debat": (
        "Café-débat",
        "Forme d'onde sonore sur fond bleu-vert",
        "son",
        "enregistrement",
    ),
    "event-hackathon": (
        "Hackathon Takafaship",
        "Formes géométriques en mouvement",
        "image",
        "motion-design",
    ),
    "event-lkarfour": (
        "L'Karfour — marché de la culture jeune",
        "Porte de médina illuminée par une projection",
        "lumiere",
        "projection-mapping",
    ),
    "event-atelier": ("Atelier", "Diaphragme d'appareil photo stylisé", "image", "photographie"),
    "event-info": (
        "Séance d'information",
        "Graphique en barres et en anneau",
        "image",
        "infographie",
    ),
}

# --------------------------------------------------------------------------------------
# News
# --------------------------------------------------------------------------------------
NEWS = [
    {
        "slug": "lancement-takafaship",
        "days_ago": 150,
        "image": "news-lancement",
        "author": "Équipe Takafaship",
        "fr": {
            "title": "Takafaship est lancé : huit mois pour les jeunes créateurs de l'Oriental",
            "summary": (
                "Le programme d'entrepreneuriat culturel Takafaship ouvre sa première édition à "
                "Oujda, avec un objectif : 100 projets accompagnés dans l'image, le son et la "
                "lumière."
            ),
            "body": [
                (
                    "p",
                    "<p>Porté par une association culturelle d'Oujda et accueilli par un "
                    "centre culturel franco-marocain, Takafaship s'adresse aux jeunes de 18 à "
                    "30 ans de la région de l'Oriental qui veulent vivre de leur "
                    "créativité.</p>",
                ),
                (
                    "p",
                    "<p>Pendant huit mois, le programme enchaîne un mois d'information et de "
                    "promotion, un mois consacré au hackathon, cinq mois d'accompagnement et "
                    "un mois de clôture. Les premiers cafés-débats commencent dans les "
                    "prochaines semaines dans les huit provinces et préfectures de la "
                    "région.</p>",
                ),
                (
                    "quote",
                    "Les talents sont là, dans chaque ville de l'Oriental. Il leur manque "
                    "un réseau, des clients et un premier marché : c'est ce que nous "
                    "voulons construire avec eux.",
                    "L'équipe Takafaship",
                ),
            ],
        },
        "ar": {
            "title": "انطلاق تكافاشيب: ثمانية أشهر لفائدة المبدعين الشباب في الجهة الشرقية",
            "summary": (
                "يفتتح برنامج المقاولة الثقافية تكافاشيب دورته الأولى بوجدة بهدف واضح: مواكبة "
                "100 مشروع في مجالات الصورة والصوت والضوء."
            ),
            "body": [
                (
                    "p",
                    "<p>تحمل البرنامجَ جمعيةٌ ثقافية من وجدة ويحتضنه مركز ثقافي مغربي فرنسي، "
                    "وهو موجه إلى شباب جهة الشرق الذين تتراوح أعمارهم بين 18 و30 سنة "
                    "ويرغبون في العيش من إبداعهم.</p>",
                ),
                (
                    "p",
                    "<p>يمتد البرنامج على ثمانية أشهر: شهر للإعلام والترويج، وشهر للهاكاثون، "
                    "وخمسة أشهر للمواكبة، وشهر للاختتام. وتنطلق أولى لقاءات «مقهى-نقاش» في "
                    "الأسابيع المقبلة بالعمالات والأقاليم الثمانية للجهة.</p>",
                ),
                (
                    "quote",
                    "المواهب موجودة في كل مدينة من مدن الجهة الشرقية. ما ينقصها هو "
                    "شبكة وزبناء وسوق أول، وهذا ما نريد بناءه معها.",
                    "فريق تكافاشيب",
                ),
            ],
        },
        "en": {
            "title": "Takafaship launches: eight months for the Oriental's young creators",
            "summary": (
                "The Takafaship cultural entrepreneurship programme opens its first edition in "
                "Oujda with one goal: 100 projects supported in image, sound and light."
            ),
            "body": [
                (
                    "p",
                    "<p>Run by a cultural association from Oujda and hosted at a "
                    "Franco-Moroccan cultural centre, Takafaship is for young people aged 18 "
                    "to 30 from the Oriental region who want to make a living from their "
                    "creativity.</p>",
                ),
                (
                    "p",
                    "<p>Over eight months, the programme runs one month of information and "
                    "promotion, one month for the hackathon, five months of support and a "
                    "closing month. The first cafés-débats start in the coming weeks in the "
                    "region's eight provinces and prefectures.</p>",
                ),
                (
                    "quote",
                    "The talent is here, in every town of the Oriental. What it lacks is "
                    "a network, clients and a first market: that is what we want to "
                    "build with them.",
                    "The Takafaship team",
                ),
            ],
        },
    },
    {
        "slug": "hackathon-appel-a-candidatures",
        "days_ago": 118,
        "image": "news-hackathon-appel",
        "author": "Équipe Takafaship",
        "fr": {
            "title": "Hackathon Takafaship : les candidatures sont ouvertes",
            "summary": (
                "Vous avez entre 18 et 30 ans, vous êtes de l'Oriental et vous avez un projet "
                "dans l'image, le son ou la lumière ? Présentez-le au hackathon."
            ),
            "body": [
                (
                    "p",
                    "<p>Le hackathon sélectionne les porteurs de projets de la première "
                    "cohorte. Pendant un week-end au hub d'Oujda, les candidats travaillent "
                    "en équipe avec des mentors — vidéastes, ingénieurs du son, "
                    "éclairagistes, entrepreneurs — puis présentent leur projet à un jury.</p>",
                ),
                (
                    "p",
                    "<p>Pour candidater, il suffit de remplir le formulaire en ligne : "
                    "présentation du projet, discipline, province, et un lien vers quelques "
                    "réalisations si vous en avez. Aucun diplôme n'est exigé.</p>",
                ),
            ],
        },
        "ar": {
            "title": "هاكاثون تكافاشيب: باب الترشيحات مفتوح",
            "summary": (
                "عمرك بين 18 و30 سنة، وأنت من الجهة الشرقية ولديك مشروع في الصورة أو الصوت أو "
                "الضوء؟ قدّمه في الهاكاثون."
            ),
            "body": [
                (
                    "p",
                    "<p>يختار الهاكاثون حاملي مشاريع الفوج الأول. فطيلة عطلة نهاية أسبوع "
                    "بفضاء وجدة، يشتغل المترشحون ضمن فرق رفقة مؤطرين من صانعي الفيديو "
                    "ومهندسي الصوت وتقنيي الإضاءة ورواد الأعمال، ثم يعرضون مشاريعهم أمام "
                    "لجنة تحكيم.</p>",
                ),
                (
                    "p",
                    "<p>للترشح، يكفي ملء الاستمارة عبر الإنترنت: تقديم المشروع، والتخصص، "
                    "والإقليم، ورابط نحو بعض الأعمال إن وُجدت. ولا يُشترط أي دبلوم.</p>",
                ),
            ],
        },
        "en": {
            "title": "Takafaship hackathon: applications are open",
            "summary": (
                "Aged 18 to 30, from the Oriental, with a project in image, sound or light? "
                "Bring it to the hackathon."
            ),
            "body": [
                (
                    "p",
                    "<p>The hackathon selects the project holders of the first cohort. Over a "
                    "weekend at the Oujda hub, applicants work in teams with mentors — "
                    "videographers, sound engineers, lighting designers, entrepreneurs — then "
                    "present their project to a jury.</p>",
                ),
                (
                    "p",
                    "<p>To apply, fill in the online form: your project, your discipline, "
                    "your province, and a link to some of your work if you have any. No "
                    "diploma is required.</p>",
                ),
            ],
        },
    },
    {
        "slug": "cafe-debat-berkane-vivre-de-l-image",
        "days_ago": 104,
        "image": "news-cafe-debat-berkane",
        "author": "Yousra El Hachimi",
        "fr": {
            "title": "Café-débat à Berkane : « Vivre de l'image dans l'Oriental »",
            "summary": (
                "Soixante jeunes ont débattu à Berkane des métiers de la photo et de la vidéo "
                "avec des professionnels de la région."
            ),
            "body": [
                (
                    "p",
                    "<p>Photographes de mariage, vidéaste de clips, graphiste : quatre "
                    "professionnels de la région ont raconté leurs débuts, leurs tarifs et "
                    "leurs erreurs devant une salle comble.</p>",
                ),
                (
                    "p",
                    "<p>Les questions ont surtout porté sur le matériel (faut-il un appareil "
                    "coûteux pour commencer ?), sur la manière de fixer un prix et sur la "
                    "recherche des premiers clients. Plusieurs participants ont ensuite "
                    "déposé leur candidature au hackathon.</p>",
                ),
                (
                    "quote",
                    "J'ai compris qu'on pouvait commencer avec un téléphone, et apprendre "
                    "à vendre avant d'acheter du matériel.",
                    "Une participante, 22 ans",
                ),
            ],
        },
        "ar": {
            "title": "مقهى-نقاش ببركان: «العيش من الصورة في الجهة الشرقية»",
            "summary": ("ناقش ستون شابًا وشابة ببركان مهن التصوير والفيديو مع مهنيين من الجهة."),
            "body": [
                (
                    "p",
                    "<p>مصورو أعراس، ومخرج كليبات، ومصممة غرافيك: حكى أربعة مهنيين من الجهة "
                    "عن بداياتهم وأسعارهم وأخطائهم أمام قاعة ممتلئة.</p>",
                ),
                (
                    "p",
                    "<p>تركزت الأسئلة على المعدات (هل نحتاج إلى آلة تصوير باهظة للبدء؟)، "
                    "وعلى طريقة تحديد الأسعار، والبحث عن الزبناء الأوائل. وقدّم عدد من "
                    "المشاركين ترشيحاتهم للهاكاثون بعد اللقاء.</p>",
                ),
                (
                    "quote",
                    "فهمتُ أنه يمكن البدء بهاتف، وتعلّم البيع قبل شراء المعدات.",
                    "مشاركة، 22 سنة",
                ),
            ],
        },
        "en": {
            "title": "Café-débat in Berkane: “Making a living from images in the Oriental”",
            "summary": (
                "Sixty young people in Berkane discussed photography and video careers with "
                "professionals from the region."
            ),
            "body": [
                (
                    "p",
                    "<p>Wedding photographers, a music-video director, a graphic designer: "
                    "four professionals from the region talked about their beginnings, their "
                    "rates and their mistakes to a packed room.</p>",
                ),
                (
                    "p",
                    "<p>Most questions were about equipment (do you need an expensive camera "
                    "to start?), setting a price and finding the first clients. Several "
                    "participants went on to apply for the hackathon.</p>",
                ),
                (
                    "quote",
                    "I realised you can start with a phone, and learn to sell before "
                    "buying equipment.",
                    "A participant, 22",
                ),
            ],
        },
    },
    {
        "slug": "premiere-cohorte-30-porteurs-de-projets",
        "days_ago": 78,
        "image": "news-premiere-cohorte",
        "author": "Équipe Takafaship",
        "fr": {
            "title": "Hackathon : 30 porteurs de projets forment la première cohorte",
            "summary": (
                "Après un week-end de travail et un passage devant le jury, trente jeunes "
                "créateurs commencent cinq mois d'accompagnement à Oujda."
            ),
            "body": [
                (
                    "p",
                    "<p>Ils viennent d'Oujda, de Nador, de Berkane, de Taourirt, de Jerada, "
                    "de Driouch ou de Guercif, et travaillent la photographie, la vidéo, le "
                    "motion design, le son ou la lumière : les trente lauréats du hackathon "
                    "forment la première cohorte de Takafaship.</p>",
                ),
                (
                    "p",
                    "<p>Pendant cinq mois, ils suivent des formations (prix, contrats, "
                    "communication), sont suivis chacun par un coach et disposent d'un budget "
                    "d'environ 5 000 MAD pour équiper leur projet. Leurs profils et leurs "
                    "boutiques sont désormais en ligne sur Takafamap.</p>",
                ),
            ],
        },
        "ar": {
            "title": "الهاكاثون: 30 حاملًا لمشروع يشكلون الفوج الأول",
            "summary": (
                "بعد عطلة نهاية أسبوع من العمل والمرور أمام لجنة التحكيم، يبدأ ثلاثون مبدعًا "
                "شابًا خمسة أشهر من المواكبة بوجدة."
            ),
            "body": [
                (
                    "p",
                    "<p>جاؤوا من وجدة والناظور وبركان وتاوريرت وجرادة والدريوش وجرسيف، "
                    "ويشتغلون في التصوير والفيديو والتصميم المتحرك والصوت والضوء: يشكّل "
                    "الفائزون الثلاثون في الهاكاثون الفوج الأول لتكافاشيب.</p>",
                ),
                (
                    "p",
                    "<p>على مدى خمسة أشهر، يتابعون تكوينات (الأسعار، العقود، التواصل)، "
                    "ويرافق كلًّا منهم مؤطر خاص، ويتوفرون على ميزانية تقارب 5000 درهم لتجهيز "
                    "مشاريعهم. وصفحاتهم ومتاجرهم متاحة الآن على تكافاماب.</p>",
                ),
            ],
        },
        "en": {
            "title": "Hackathon: 30 project holders form the first cohort",
            "summary": (
                "After a weekend of work and a session before the jury, thirty young creators "
                "begin five months of support in Oujda."
            ),
            "body": [
                (
                    "p",
                    "<p>They come from Oujda, Nador, Berkane, Taourirt, Jerada, Driouch and "
                    "Guercif, and work in photography, video, motion graphics, sound or "
                    "light: the hackathon's thirty winners form Takafaship's first "
                    "cohort.</p>",
                ),
                (
                    "p",
                    "<p>For five months they attend training (pricing, contracts, "
                    "communication), each works with a coach, and each has a budget of about "
                    "MAD 5,000 to equip their project. Their profiles and shops are now live "
                    "on Takafamap.</p>",
                ),
            ],
        },
    },
    {
        "slug": "un-hub-creatif-ouvre-a-nador",
        "days_ago": 46,
        "image": "news-hub-nador",
        "author": "Yousra El Hachimi",
        "fr": {
            "title": "Un hub créatif ouvre ses portes à Nador",
            "summary": (
                "Rif Création, le hub de la province de Nador, offre aux jeunes créateurs douze "
                "postes de travail, un fond photo et une salle de montage."
            ),
            "body": [
                (
                    "p",
                    "<p>Après Oujda, Nador a son hub. Installé face à la lagune de Marchica "
                    "avec une association de jeunes de la ville, Rif Création est ouvert du "
                    "lundi au samedi aux créateurs de la province, accompagnés ou non par le "
                    "programme.</p>",
                ),
                (
                    "p",
                    "<p>L'objectif du programme : un hub créé ou renforcé dans chacune des "
                    "huit provinces et préfectures de l'Oriental. Berkane, Taourirt et Figuig "
                    "ont déjà le leur ; la carte des hubs est sur Takafamap.</p>",
                ),
            ],
        },
        "ar": {
            "title": "فضاء إبداعي يفتح أبوابه بالناظور",
            "summary": (
                "يوفر «ريف كرياسيون»، فضاء إقليم الناظور، للمبدعين الشباب اثني عشر مكتبًا "
                "وخلفية للتصوير وقاعة للمونتاج."
            ),
            "body": [
                (
                    "p",
                    "<p>بعد وجدة، أصبح للناظور فضاؤه. أُقيم قبالة بحيرة مارشيكا بشراكة مع جمعية "
                    "شبابية من المدينة، ويفتح أبوابه من الاثنين إلى السبت لمبدعي "
                    "الإقليم، سواء كانوا مستفيدين من المواكبة أم لا.</p>",
                ),
                (
                    "p",
                    "<p>هدف البرنامج: إحداث أو تقوية فضاء في كل عمالة وإقليم من الجهة "
                    "الشرقية. ولبركان وتاوريرت وفجيج فضاءاتها، وخريطة الفضاءات متاحة على "
                    "تكافاماب.</p>",
                ),
            ],
        },
        "en": {
            "title": "A creative hub opens in Nador",
            "summary": (
                "Rif Création, the Nador province hub, offers young creators twelve desks, a "
                "photo backdrop and an editing suite."
            ),
            "body": [
                (
                    "p",
                    "<p>After Oujda, Nador has its hub. Set up facing the Marchica lagoon "
                    "with a youth association from the town, Rif Création is open Monday to "
                    "Saturday to the province's creators, whether or not they are in the "
                    "programme.</p>",
                ),
                (
                    "p",
                    "<p>The programme's goal is a hub created or strengthened in each of the "
                    "Oriental's eight provinces and prefectures. Berkane, Taourirt and Figuig "
                    "already have theirs; the map of hubs is on Takafamap.</p>",
                ),
            ],
        },
    },
    {
        "slug": "lkarfour-5e-edition-annoncee",
        "days_ago": 21,
        "image": "news-lkarfour-5",
        "author": "Équipe Takafaship",
        "fr": {
            "title": "L'Karfour revient pour une 5e édition",
            "summary": (
                "Le marché de la culture jeune sera le premier marché des bénéficiaires de "
                "Takafaship : tirages, albums, affiches, lampes, et des créateurs à rencontrer "
                "pour vos projets."
            ),
            "body": [
                (
                    "p",
                    "<p>Pour sa cinquième édition, L'Karfour réunit à Oujda les jeunes "
                    "créateurs de toute la région pendant trois jours. Les bénéficiaires de "
                    "Takafaship y tiendront leur premier stand : vous pourrez acheter leurs "
                    "produits, réserver leurs services et les voir travailler.</p>",
                ),
                (
                    "p",
                    "<p>Sur Takafamap, les produits marqués « disponible à L'Karfour » seront "
                    "vendus sur les stands. Le paiement en espèces est accepté partout sur le "
                    "marché.</p>",
                ),
            ],
        },
        "ar": {
            "title": "سوق لكرفور يعود في دورته الخامسة",
            "summary": (
                "سيكون سوق ثقافة الشباب أول سوق للمستفيدين من تكافاشيب: طبعات وألبومات "
                "وملصقات ومصابيح، ومبدعون تلتقونهم من أجل مشاريعكم."
            ),
            "body": [
                (
                    "p",
                    "<p>في دورته الخامسة، يجمع سوق لكرفور بوجدة المبدعين الشباب من كل أنحاء "
                    "الجهة طيلة ثلاثة أيام. وسيشارك فيه المستفيدون من تكافاشيب بأول رواق "
                    "لهم: يمكنكم شراء منتجاتهم وحجز خدماتهم ومشاهدتهم وهم يعملون.</p>",
                ),
                (
                    "p",
                    "<p>على تكافاماب، ستُباع المنتجات التي تحمل علامة «متوفر في لكرفور» في "
                    "الأروقة. والأداء نقدًا مقبول في كل أرجاء السوق.</p>",
                ),
            ],
        },
        "en": {
            "title": "L'Karfour returns for a 5th edition",
            "summary": (
                "The youth culture market will be the first market for Takafaship's "
                "beneficiaries: prints, albums, posters, lamps, and creators to meet for your "
                "projects."
            ),
            "body": [
                (
                    "p",
                    "<p>For its fifth edition, L'Karfour brings young creators from across "
                    "the region together in Oujda for three days. Takafaship's beneficiaries "
                    "will run their first stands there: buy their products, book their "
                    "services and watch them at work.</p>",
                ),
                (
                    "p",
                    "<p>On Takafamap, products marked “available at L'Karfour” will be sold "
                    "at the stands. Cash is accepted everywhere at the market.</p>",
                ),
            ],
        },
    },
    {
        "slug": "les-createurs-ouvrent-leurs-boutiques",
        "days_ago": 7,
        "image": "news-boutiques",
        "author": "Équipe Takafaship",
        "fr": {
            "title": "Sur Takafamap, les créateurs ouvrent leurs boutiques",
            "summary": (
                "Les produits et les services des créateurs accompagnés sont en ligne : "
                "commandez, demandez un devis, payez à la livraison ou au retrait."
            ),
            "body": [
                (
                    "p",
                    "<p>Tirages d'art, livres photo, banques de sons, templates d'animation, "
                    "mais aussi sonorisation de concert, film de mariage ou spectacle de "
                    "mapping : plus d'une centaine de produits et de services sont en "
                    "ligne.</p>",
                ),
                (
                    "p",
                    "<p>Chaque créateur gère lui-même sa boutique depuis son téléphone. Vous "
                    "pouvez payer en espèces à la livraison ou au retrait, par virement, ou "
                    "par carte quand c'est possible.</p>",
                ),
            ],
        },
        "ar": {
            "title": "المبدعون يفتحون متاجرهم على تكافاماب",
            "summary": (
                "منتجات المبدعين المواكَبين وخدماتهم متاحة الآن على الإنترنت: اطلبوا، واطلبوا "
                "عرض سعر، وادفعوا عند التسليم أو عند الاستلام."
            ),
            "body": [
                (
                    "p",
                    "<p>طبعات فنية، وكتب صور، ومكتبات أصوات، وقوالب للتحريك، وأيضًا تجهيز "
                    "الحفلات بالصوت، وأفلام الأعراس، وعروض الإسقاط الضوئي: أكثر من مئة منتج "
                    "وخدمة متاحة الآن.</p>",
                ),
                (
                    "p",
                    "<p>يدير كل مبدع متجره بنفسه من هاتفه. ويمكنكم الأداء نقدًا عند التسليم "
                    "أو الاستلام، أو بتحويل بنكي، أو بالبطاقة حين يكون ذلك ممكنًا.</p>",
                ),
            ],
        },
        "en": {
            "title": "Creators open their shops on Takafamap",
            "summary": (
                "The supported creators' products and services are online: order, ask for a "
                "quote, pay on delivery or at pickup."
            ),
            "body": [
                (
                    "p",
                    "<p>Fine-art prints, photo books, sound libraries, animation templates, "
                    "but also concert sound, wedding films and mapping shows: more than a "
                    "hundred products and services are now online.</p>",
                ),
                (
                    "p",
                    "<p>Each creator runs their own shop from their phone. You can pay cash "
                    "on delivery or at pickup, by bank transfer, or by card where "
                    "available.</p>",
                ),
            ],
        },
    },
]

# --------------------------------------------------------------------------------------
# Events: ``days`` from today (negative: past), ``hour``, ``hours`` long or ``end_days``.
# --------------------------------------------------------------------------------------
# Sectors (taxonomy slugs) and tags of each news article, by slug.
NEWS_TOPICS = {
    "lancement-takafaship": (["image", "son", "lumiere"], ["programme"]),
    "hackathon-appel-a-candidatures": (["image", "son", "lumiere"], ["hackathon", "appel"]),
    "cafe-debat-berkane-vivre-de-l-image": (["image"], ["café-débat"]),
    "premiere-cohorte-30-porteurs-de-projets": (["image", "son", "lumiere"], ["programme"]),
    "un-hub-creatif-ouvre-a-nador": (["son"], ["hub"]),
    "lkarfour-5e-edition-annoncee": (["lumiere"], ["lkarfour"]),
    "les-createurs-ouvrent-leurs-boutiques": (["image", "son"], ["boutique"]),
}

EVENTS = [
    {
        "slug": "seance-information-nador",
        "kind": "info_session",
        "days": -132,
        "hour": 18,
        "hours": 2,
        "province": "nador",
        "capacity": 80,
        "image": "event-info",
        "fr": {
            "title": "Séance d'information Takafaship à Nador",
            "venue": "Maison de jeunes du centre, Nador",
            "summary": "Découvrir le programme, les trois secteurs et le calendrier du "
            "hackathon, et poser toutes vos questions.",
            "body": [
                (
                    "p",
                    "<p>L'équipe présente le programme, son calendrier et les conditions "
                    "pour candidater. Deux créateurs de la province témoignent de leur "
                    "parcours.</p>",
                )
            ],
        },
        "ar": {
            "title": "جلسة إعلامية حول تكافاشيب بالناظور",
            "venue": "دار الشباب المركزية، الناظور",
            "summary": "التعرف على البرنامج وقطاعاته الثلاثة وموعد الهاكاثون، وطرح كل أسئلتكم.",
            "body": [
                (
                    "p",
                    "<p>يقدّم الفريق البرنامج وجدوله الزمني وشروط الترشح، ويحكي "
                    "مبدعان من الإقليم عن مسارهما.</p>",
                )
            ],
        },
        "en": {
            "title": "Takafaship information session in Nador",
            "venue": "Central youth centre, Nador",
            "summary": "Learn about the programme, the three sectors and the hackathon "
            "timetable, and ask all your questions.",
            "body": [
                (
                    "p",
                    "<p>The team presents the programme, its timetable and how to "
                    "apply. Two creators from the province talk about their path.</p>",
                )
            ],
        },
    },
    {
        "slug": "cafe-debat-berkane-vivre-de-l-image",
        "kind": "cafe_debat",
        "days": -105,
        "hour": 17,
        "hours": 2,
        "province": "berkane",
        "capacity": 60,
        "image": "event-cafe-debat",
        "fr": {
            "title": "Café-débat : vivre de l'image dans l'Oriental",
            "venue": "L'Atelier — coworking de Berkane",
            "summary": "Photographes et vidéastes de la région parlent de leurs débuts, de "
            "leurs prix et de leurs clients.",
            "body": [
                (
                    "p",
                    "<p>Un thé, quatre invités et une question : peut-on vivre de la "
                    "photo et de la vidéo quand on a 20 ans dans l'Oriental ? Entrée "
                    "libre.</p>",
                )
            ],
        },
        "ar": {
            "title": "مقهى-نقاش: العيش من الصورة في الجهة الشرقية",
            "venue": "لاتولييه — فضاء العمل المشترك ببركان",
            "summary": "مصورون وصانعو فيديو من الجهة يتحدثون عن بداياتهم وأسعارهم وزبنائهم.",
            "body": [
                (
                    "p",
                    "<p>كأس شاي وأربعة ضيوف وسؤال واحد: هل يمكن العيش من التصوير "
                    "والفيديو في سن العشرين بالجهة الشرقية؟ الدخول مجاني.</p>",
                )
            ],
        },
        "en": {
            "title": "Café-débat: making a living from images in the Oriental",
            "venue": "L'Atelier coworking, Berkane",
            "summary": "Photographers and videographers from the region talk about their "
            "beginnings, their prices and their clients.",
            "body": [
                (
                    "p",
                    "<p>Mint tea, four guests and one question: can you make a living "
                    "from photography and video at 20 in the Oriental? Free entry.</p>",
                )
            ],
        },
    },
    {
        "slug": "hackathon-takafaship",
        "kind": "hackathon",
        "days": -86,
        "hour": 9,
        "end_days": 1,
        "end_hour": 19,
        "province": "oujda-angad",
        "capacity": 120,
        "image": "event-hackathon",
        "fr": {
            "title": "Hackathon Takafaship",
            "venue": "Hub Takafaship Oujda",
            "summary": "Deux jours pour travailler son projet avec des mentors et le présenter "
            "au jury : les lauréats forment la première cohorte.",
            "body": [
                ("h2", "Déroulement"),
                (
                    "p",
                    "<ul><li>Premier jour : constitution des équipes, ateliers avec les "
                    "mentors, travail sur les projets.</li><li>Second jour : préparation des "
                    "présentations, passage devant le jury, annonce des lauréats.</li></ul>",
                ),
            ],
        },
        "ar": {
            "title": "هاكاثون تكافاشيب",
            "venue": "فضاء تكافاشيب بوجدة",
            "summary": "يومان للاشتغال على المشروع مع المؤطرين وعرضه أمام لجنة التحكيم: "
            "يشكّل الفائزون الفوج الأول.",
            "body": [
                ("h2", "البرنامج"),
                (
                    "p",
                    "<ul><li>اليوم الأول: تشكيل الفرق، ورشات مع المؤطرين، العمل على "
                    "المشاريع.</li><li>اليوم الثاني: تحضير العروض، المرور أمام لجنة التحكيم، "
                    "الإعلان عن الفائزين.</li></ul>",
                ),
            ],
        },
        "en": {
            "title": "Takafaship hackathon",
            "venue": "Takafaship hub, Oujda",
            "summary": "Two days to work on your project with mentors and pitch it to the "
            "jury: the winners form the first cohort.",
            "body": [
                ("h2", "Schedule"),
                (
                    "p",
                    "<ul><li>Day one: forming teams, workshops with mentors, work on the "
                    "projects.</li><li>Day two: preparing pitches, presenting to the jury, "
                    "announcing the winners.</li></ul>",
                ),
            ],
        },
    },
    {
        "slug": "cafe-debat-taourirt-le-son-un-metier",
        "kind": "cafe_debat",
        "days": 9,
        "hour": 17,
        "hours": 2,
        "province": "taourirt",
        "capacity": 60,
        "registration_open": True,
        "image": "event-cafe-debat",
        "fr": {
            "title": "Café-débat : le son, un métier ?",
            "venue": "Espace Jeunes Créateurs de Taourirt",
            "summary": "Ingénieurs du son, techniciens de scène et producteurs de podcasts "
            "racontent leur métier et répondent à vos questions.",
            "body": [
                (
                    "p",
                    "<p>Comment devient-on technicien son ? Combien coûte un premier "
                    "équipement ? Où trouver des clients ? Trois invités de la région "
                    "partagent leur expérience. Inscription conseillée : 60 places.</p>",
                )
            ],
        },
        "ar": {
            "title": "مقهى-نقاش: هل الصوت مهنة؟",
            "venue": "فضاء المبدعين الشباب بتاوريرت",
            "summary": "مهندسو صوت وتقنيو خشبة ومنتجو بودكاست يتحدثون عن مهنهم ويجيبون عن أسئلتكم.",
            "body": [
                (
                    "p",
                    "<p>كيف يصبح المرء تقنيًا للصوت؟ كم تكلف المعدات الأولى؟ أين نجد "
                    "الزبناء؟ ثلاثة ضيوف من الجهة يتقاسمون تجربتهم. يُنصح بالتسجيل: 60 "
                    "مقعدًا.</p>",
                )
            ],
        },
        "en": {
            "title": "Café-débat: is sound a career?",
            "venue": "Young Creators' Space, Taourirt",
            "summary": "Sound engineers, stage technicians and podcast producers talk about "
            "their work and answer your questions.",
            "body": [
                (
                    "p",
                    "<p>How do you become a sound technician? What does a first kit "
                    "cost? Where do you find clients? Three guests from the region share "
                    "their experience. Registration recommended: 60 seats.</p>",
                )
            ],
        },
    },
    {
        "slug": "atelier-photographier-ses-produits",
        "kind": "workshop",
        "days": 16,
        "hour": 10,
        "hours": 4,
        "province": "oujda-angad",
        "capacity": 20,
        "registration_open": True,
        "image": "event-atelier",
        "fr": {
            "title": "Atelier : photographier ses produits avec un téléphone",
            "venue": "Hub Takafaship Oujda",
            "summary": "Lumière naturelle, fond, cadrage et retouche : des photos de produits "
            "qui donnent envie d'acheter, avec le téléphone que vous avez déjà.",
            "body": [
                (
                    "p",
                    "<p>Animé par une photographe de la cohorte. Apportez votre "
                    "téléphone et deux ou trois de vos produits. Vingt places, "
                    "inscription obligatoire.</p>",
                )
            ],
        },
        "ar": {
            "title": "ورشة: تصوير المنتجات بالهاتف",
            "venue": "فضاء تكافاشيب بوجدة",
            "summary": "الضوء الطبيعي، والخلفية، والتأطير، والتعديل: صور منتجات تحفّز على "
            "الشراء، بالهاتف الذي تملكونه.",
            "body": [
                (
                    "p",
                    "<p>تؤطرها مصوّرة من الفوج. أحضروا هواتفكم ومنتوجين أو ثلاثة من "
                    "منتجاتكم. عشرون مقعدًا، والتسجيل إلزامي.</p>",
                )
            ],
        },
        "en": {
            "title": "Workshop: photographing your products with a phone",
            "venue": "Takafaship hub, Oujda",
            "summary": "Natural light, backdrop, framing and editing: product photos that make "
            "people want to buy, with the phone you already have.",
            "body": [
                (
                    "p",
                    "<p>Led by a photographer from the cohort. Bring your phone and two "
                    "or three of your products. Twenty places, registration "
                    "required.</p>",
                )
            ],
        },
    },
    {
        "slug": "seance-information-jerada",
        "kind": "info_session",
        "days": 23,
        "hour": 15,
        "hours": 2,
        "province": "jerada",
        "capacity": 80,
        "registration_open": True,
        "image": "event-info",
        "fr": {
            "title": "Séance d'information : vendre ses créations sur Takafamap",
            "venue": "Maison de la culture de Jerada",
            "summary": "Créer son profil, ouvrir sa boutique, fixer ses prix et recevoir ses "
            "premières commandes : une séance pratique, téléphone en main.",
            "body": [
                (
                    "p",
                    "<p>Pour les créateurs de la province de Jerada, accompagnés ou non "
                    "par le programme. Venez avec votre téléphone et quelques photos de "
                    "votre travail.</p>",
                )
            ],
        },
        "ar": {
            "title": "جلسة إعلامية: بيع إبداعاتك على تكافاماب",
            "venue": "دار الثقافة بجرادة",
            "summary": "إنشاء الصفحة، وفتح المتجر، وتحديد الأسعار، واستقبال الطلبيات الأولى: "
            "جلسة تطبيقية والهاتف في اليد.",
            "body": [
                (
                    "p",
                    "<p>لمبدعي إقليم جرادة، سواء كانوا مستفيدين من المواكبة أم لا. "
                    "أحضروا هواتفكم وبعض صور أعمالكم.</p>",
                )
            ],
        },
        "en": {
            "title": "Information session: selling your work on Takafamap",
            "venue": "Jerada house of culture",
            "summary": "Create your profile, open your shop, set your prices and take your "
            "first orders: a hands-on session, phone in hand.",
            "body": [
                (
                    "p",
                    "<p>For creators in Jerada province, whether or not they are in the "
                    "programme. Bring your phone and a few pictures of your work.</p>",
                )
            ],
        },
    },
    {
        "slug": "atelier-premiers-pas-en-mapping-video",
        "kind": "workshop",
        "days": 30,
        "hour": 14,
        "hours": 4,
        "province": "nador",
        "capacity": 15,
        "registration_open": True,
        "image": "event-lkarfour",
        "fr": {
            "title": "Atelier : premiers pas en mapping vidéo",
            "venue": "Rif Création — hub de Nador",
            "summary": "Comprendre et pratiquer le mapping vidéo avec des logiciels libres, "
            "jusqu'à une première projection sur volume.",
            "body": [
                (
                    "p",
                    "<p>Animé par un artiste mapping de la cohorte. Ordinateur portable "
                    "conseillé ; projecteurs fournis. Quinze places.</p>",
                )
            ],
        },
        "ar": {
            "title": "ورشة: الخطوات الأولى في الإسقاط الضوئي",
            "venue": "«ريف كرياسيون» — فضاء الناظور",
            "summary": "فهم تقنية الإسقاط الضوئي وممارستها ببرامج حرة، وصولًا إلى أول إسقاط "
            "على مجسّم.",
            "body": [
                (
                    "p",
                    "<p>يؤطرها فنان متخصص في الإسقاط الضوئي من الفوج. يُستحسن إحضار "
                    "حاسوب محمول، والأجهزة متوفرة. خمسة عشر مقعدًا.</p>",
                )
            ],
        },
        "en": {
            "title": "Workshop: first steps in projection mapping",
            "venue": "Rif Création hub, Nador",
            "summary": "Understand and practise projection mapping with free software, up to a "
            "first projection onto a volume.",
            "body": [
                (
                    "p",
                    "<p>Led by a mapping artist from the cohort. A laptop is "
                    "recommended; projectors are provided. Fifteen places.</p>",
                )
            ],
        },
    },
    {
        "slug": "lkarfour-5e-edition",
        "kind": "market",
        "days": 40,
        "hour": 10,
        "end_days": 2,
        "end_hour": 21,
        "province": "oujda-angad",
        "image": "event-lkarfour",
        "fr": {
            "title": "L'Karfour — 5e édition",
            "venue": "Esplanade Bab Sidi Abdelwahab, Oujda",
            "summary": "Trois jours de marché de la culture jeune : les stands des créateurs de "
            "Takafaship et de toute la région, des concerts et des ateliers.",
            "body": [
                (
                    "p",
                    "<p>Le premier marché des bénéficiaires de Takafaship : tirages, livres, "
                    "affiches, albums, lampes, et des créateurs à rencontrer pour vos "
                    "événements.</p>",
                ),
                (
                    "p",
                    "<p>Entrée libre. Paiement en espèces sur les stands ; les produits "
                    "marqués « disponible à L'Karfour » peuvent être réservés en ligne et "
                    "retirés sur place.</p>",
                ),
            ],
        },
        "ar": {
            "title": "لكرفور — الدورة الخامسة",
            "venue": "ساحة باب سيدي عبد الوهاب، وجدة",
            "summary": "ثلاثة أيام من سوق ثقافة الشباب: أروقة مبدعي تكافاشيب ومبدعي الجهة "
            "كلها، وحفلات وورشات.",
            "body": [
                (
                    "p",
                    "<p>أول سوق للمستفيدين من تكافاشيب: طبعات وكتب وملصقات وألبومات "
                    "ومصابيح، ومبدعون تلتقونهم من أجل مناسباتكم.</p>",
                ),
                (
                    "p",
                    "<p>الدخول مجاني. الأداء نقدًا في الأروقة، ويمكن حجز المنتجات التي تحمل "
                    "علامة «متوفر في لكرفور» عبر الإنترنت واستلامها في عين المكان.</p>",
                ),
            ],
        },
        "en": {
            "title": "L'Karfour — 5th edition",
            "venue": "Bab Sidi Abdelwahab esplanade, Oujda",
            "summary": "Three days of the youth culture market: stands by Takafaship's "
            "creators and others from across the region, concerts and workshops.",
            "body": [
                (
                    "p",
                    "<p>The first market for Takafaship's beneficiaries: prints, books, "
                    "posters, albums, lamps, and creators to meet for your events.</p>",
                ),
                (
                    "p",
                    "<p>Free entry. Cash at the stands; products marked “available at "
                    "L'Karfour” can be reserved online and collected on site.</p>",
                ),
            ],
        },
    },
    {
        "slug": "cafe-debat-figuig-lumiere-et-patrimoine",
        "kind": "cafe_debat",
        "days": 55,
        "hour": 17,
        "hours": 2,
        "province": "figuig",
        "capacity": 40,
        "image": "event-cafe-debat",
        "fr": {
            "title": "Café-débat : lumière et patrimoine, un avenir pour les ksour ?",
            "venue": "Ksar Lab Figuig",
            "summary": "Éclairagistes, artistes mapping et habitants de l'oasis discutent de la "
            "mise en valeur du patrimoine par la lumière.",
            "body": [
                (
                    "p",
                    "<p>Peut-on faire vivre les ksour de Figuig par des spectacles de "
                    "lumière, sans les abîmer ni les transformer en décor ? Entrée "
                    "libre ; les inscriptions ouvriront un mois avant.</p>",
                )
            ],
        },
        "ar": {
            "title": "مقهى-نقاش: الضوء والتراث، أي مستقبل للقصور؟",
            "venue": "«قصر لاب» فجيج",
            "summary": "تقنيو إضاءة وفنانو إسقاط ضوئي وسكان الواحة يناقشون تثمين التراث بالضوء.",
            "body": [
                (
                    "p",
                    "<p>هل يمكن إحياء قصور فجيج بعروض ضوئية دون الإضرار بها أو تحويلها "
                    "إلى مجرد ديكور؟ الدخول مجاني، ويُفتح التسجيل قبل شهر من "
                    "الموعد.</p>",
                )
            ],
        },
        "en": {
            "title": "Café-débat: light and heritage, a future for the ksour?",
            "venue": "Ksar Lab, Figuig",
            "summary": "Lighting designers, mapping artists and people from the oasis discuss "
            "showcasing heritage with light.",
            "body": [
                (
                    "p",
                    "<p>Can light shows bring Figuig's ksour to life without damaging "
                    "them or turning them into stage sets? Free entry; registration "
                    "opens a month before.</p>",
                )
            ],
        },
    },
]

HUB_OPENING_HOURS = "Lundi–vendredi : 9 h–19 h\nSamedi : 10 h–14 h"
HUB_EQUIPMENT = ["Postes de travail et wifi", "Salle de réunion", "Fond photo et éclairage"]
