namespace Chancery.Domain.Invitations;

/// <summary>
/// An invitation's words in one language, with slots in Liquid (<see cref="TextTemplates"/>): {{ hosts }}, {{ guest }}, {{ title }}, {{ occasion }}, {{ date }}, {{ time }},
/// {{ venue }}, {{ deadline }}, {{ contact }}, {{ dress }}. The six UN languages ship, each with the request's verb agreeing with
/// its hosts (<see cref="HostGrammar"/>, docs/wording.md); the event's own words per language are the office's
/// (<see cref="InvitationText"/>).
/// </summary>
public sealed record InvitationTexts(
    string Language,
    string Subject,
    Func<HostGrammar, string> Request,
    string When,
    string Rsvp,
    string RsvpOpen,
    string RegretsOnly,
    string PourMemoire,
    string Dress,
    string DatePattern,
    string TimePattern,
    string Excellency,
    bool ExcellencyAfterName = false,
    string And = "and",
    string Reply = "Reply",
    string ReminderSubject = "Reminder: {{ title }}",
    string ReminderLine = "We have not yet received your answer and would be glad to have it.",
    string PlaceSubject = "A place for you: {{ title }}",
    string PlaceLine = "A place has become free: you are expected. Your code for the door is below.",
    IReadOnlyDictionary<string, string>? Honorifics = null,
    string CodeLabel = "Code: {{ code }}",
    string? Signature = null,
    string? Salutation = null,
    string Company = "Guests you may bring: {{ n }}",
    IReadOnlyDictionary<Events.EventKind, string>? Occasions = null)
{
    /// <summary>The texts for a language: the shipped ones for its primary language, else English's words with the language's own dates.</summary>
    public static InvitationTexts For(string language)
    {
        var primary = Events.InvitationLanguages.Primary(language);
        return Shipped.TryGetValue(primary, out var texts) ? texts with { Language = language } : English with { Language = language };
    }

    public static IReadOnlyCollection<string> ShippedLanguages => Shipped.Keys;

    private static readonly InvitationTexts English = new(
        "en",
        Subject: "Invitation: {{ title }}",
        // docs/wording.md, English: one host or the Embassy "requests", two or more "request" (Debrett's).
        Request: h => h.Plural ? "{{ hosts }} request the pleasure of the company of {{ guest }} at {{ occasion }}"
            : "{{ hosts }} requests the pleasure of the company of {{ guest }} at {{ occasion }}",
        When: "on {{ date }} at {{ time }}, {{ venue }}",
        Rsvp: "R.S.V.P. by {{ deadline }}: {{ contact }}",
            RsvpOpen: "R.S.V.P.: {{ contact }}",
        RegretsOnly: "Regrets only: {{ contact }}",
        PourMemoire: "p.m.",
        Dress: "Dress: {{ dress }}",
        DatePattern: "d MMMM yyyy",
        TimePattern: "HH:mm",
        Excellency: "H.E.",
        Occasions: new Dictionary<Events.EventKind, string>
        {
            [Events.EventKind.Reception] = "a reception",
            [Events.EventKind.NationalDay] = "a reception on the occasion of the National Day",
            [Events.EventKind.Commemoration] = "a commemorative ceremony",
            [Events.EventKind.OfficialVisit] = "a reception",
            [Events.EventKind.Dinner] = "a dinner",
        });

    private static readonly Dictionary<string, InvitationTexts> Shipped = new()
    {
        ["en"] = English,
        ["fr"] = new("fr",
            Subject: "Invitation : {{ title }}",
            // docs/wording.md, French (a)–(d): « prie … de lui faire l'honneur », two hosts « prient … de leur faire l'honneur »;
            // « lui » and « leur » have no gender, so the sentence holds for an ambassador, an ambassadress and the Embassy.
            Request: h => h.Plural ? "{{ hosts }} prient {{ guest }} de leur faire l'honneur d'assister à {{ occasion }}"
                : "{{ hosts }} prie {{ guest }} de lui faire l'honneur d'assister à {{ occasion }}",
            When: "le {{ date }} à {{ time }}, {{ venue }}",
            Rsvp: "R.S.V.P. avant le {{ deadline }} : {{ contact }}",
            RsvpOpen: "R.S.V.P. : {{ contact }}",
            RegretsOnly: "Regrets seulement : {{ contact }}",
            PourMemoire: "p.m.",
            Dress: "Tenue : {{ dress }}",
            DatePattern: "d MMMM yyyy",
            TimePattern: "HH' h 'mm",
            Excellency: "S.E.",
            And: "et",
            Reply: "Répondre",
            ReminderSubject: "Rappel : {{ title }}",
            ReminderLine: "Nous n'avons pas encore reçu votre réponse et serions heureux de la recevoir.",
            PlaceSubject: "Une place pour vous : {{ title }}",
            PlaceLine: "Une place s'est libérée : vous êtes attendu. Votre code pour l'entrée figure ci-dessous.",
            CodeLabel: "Code : {{ code }}",
            Company: "Personnes pouvant vous accompagner : {{ n }}",
            // docs/wording.md, French "Address": M., Mme; a title is not translated by guesswork.
            Honorifics: Words(("mr", "M."), ("m", "M."), ("monsieur", "M."), ("mrs", "Mme"), ("ms", "Mme"), ("miss", "Mme"), ("mme", "Mme"), ("mlle", "Mme"), ("madame", "Mme"), ("dr", "Dr"), ("prof", "Pr")),
            Occasions: new Dictionary<Events.EventKind, string>
            {
                [Events.EventKind.Reception] = "une réception",
                [Events.EventKind.NationalDay] = "une réception à l'occasion de la Fête nationale",
                [Events.EventKind.Commemoration] = "une cérémonie commémorative",
                [Events.EventKind.OfficialVisit] = "une réception",
                [Events.EventKind.Dinner] = "un dîner",
            }),
        ["es"] = new("es",
            Subject: "Invitación: {{ title }}",
            // docs/wording.md, Spanish (a)–(d): « tiene el honor de invitar », two hosts « tienen ».
            // {{ guest }} carries its preposition and article here: "al Sr. …", "a la Sra. …", "a S.E. el Sr. …".
            Request: h => h.Plural ? "{{ hosts }} tienen el honor de invitar {{ guest }} a {{ occasion }}"
                : "{{ hosts }} tiene el honor de invitar {{ guest }} a {{ occasion }}",
            When: "el {{ date }} a las {{ time }}, {{ venue }}",
            Rsvp: "S.R.C. antes del {{ deadline }}: {{ contact }}",
            RsvpOpen: "S.R.C.: {{ contact }}",
            RegretsOnly: "Solo en caso de no asistir: {{ contact }}",
            PourMemoire: "p.m.",
            Dress: "Vestimenta: {{ dress }}",
            DatePattern: "d 'de' MMMM 'de' yyyy",
            TimePattern: "HH:mm",
            Excellency: "S.E.",
            And: "y",
            Reply: "Responder",
            ReminderSubject: "Recordatorio: {{ title }}",
            ReminderLine: "Aún no hemos recibido su respuesta y nos complacería recibirla.",
            PlaceSubject: "Un lugar para usted: {{ title }}",
            PlaceLine: "Se ha liberado un lugar: le esperamos. Su código para la entrada figura abajo.",
            CodeLabel: "Código: {{ code }}",
            Company: "Acompañantes permitidos: {{ n }}",
            Honorifics: Words(("mr", "Sr."), ("m", "Sr."), ("monsieur", "Sr."), ("mrs", "Sra."), ("ms", "Sra."), ("mme", "Sra."), ("madame", "Sra."), ("miss", "Srta."), ("mlle", "Srta."), ("dr", "Dr."), ("prof", "Prof.")),
            Occasions: new Dictionary<Events.EventKind, string>
            {
                [Events.EventKind.Reception] = "una recepción",
                [Events.EventKind.NationalDay] = "una recepción con motivo del Día Nacional",
                [Events.EventKind.Commemoration] = "una ceremonia conmemorativa",
                [Events.EventKind.OfficialVisit] = "una recepción",
                [Events.EventKind.Dinner] = "una cena",
            }),
        ["ru"] = new("ru",
            Subject: "Приглашение: {{ title }}",
            // docs/wording.md, Russian (a)–(d): «имеет честь пригласить», two hosts «имеют»; the present tense has no gender.
            // The guest is named above the sentence, in the nominative, and «Вас» invited: a name is not declined by guesswork.
            Request: h => h.Plural ? "{{ hosts }} имеют честь пригласить Вас на {{ occasion }}"
                : "{{ hosts }} имеет честь пригласить Вас на {{ occasion }}",
            When: "{{ date }} в {{ time }}, {{ venue }}",
            Rsvp: "Просьба ответить до {{ deadline }}: {{ contact }}",
            RsvpOpen: "Просьба ответить: {{ contact }}",
            RegretsOnly: "Просьба сообщить только в случае отказа: {{ contact }}",
            PourMemoire: "p.m.",
            Dress: "Форма одежды: {{ dress }}",
            DatePattern: "d MMMM yyyy 'г.'",
            TimePattern: "HH:mm",
            Excellency: "Е.П.",
            And: "и",
            Reply: "Ответить",
            ReminderSubject: "Напоминание: {{ title }}",
            ReminderLine: "Мы ещё не получили вашего ответа и будем рады его получить.",
            PlaceSubject: "Для вас есть место: {{ title }}",
            PlaceLine: "Освободилось место: вас ждут. Ваш код для входа — ниже.",
            CodeLabel: "Код: {{ code }}",
            Company: "Число сопровождающих лиц: {{ n }}",
            Salutation: "{{ guest }}",
            // docs/wording.md, Russian "Address": г-н, г-жа, lower case.
            Honorifics: Words(("mr", "г-н"), ("m", "г-н"), ("monsieur", "г-н"), ("mrs", "г-жа"), ("ms", "г-жа"), ("miss", "г-жа"), ("mme", "г-жа"), ("madame", "г-жа"), ("mlle", "г-жа"), ("dr", "д-р"), ("prof", "проф.")),
            // Accusative after «на»: приём, ужин; «памятное мероприятие» is the same in both cases.
            Occasions: new Dictionary<Events.EventKind, string>
            {
                [Events.EventKind.Reception] = "приём",
                [Events.EventKind.NationalDay] = "приём по случаю Национального дня",
                [Events.EventKind.Commemoration] = "памятное мероприятие",
                [Events.EventKind.OfficialVisit] = "приём",
                [Events.EventKind.Dinner] = "ужин",
            }),
        ["zh"] = new("zh",
            Subject: "邀请：{{ title }}",
            // docs/wording.md, Chinese: no agreement; the host signs the card (落款) rather than speaking in its body.
            Request: _ => "谨订于{{ date }}{{ time }}举行{{ occasion }}，敬请{{ guest }}光临",
            When: "地点：{{ venue }}",
            Rsvp: "请于{{ deadline }}前回复：{{ contact }}",
            RsvpOpen: "敬请回复：{{ contact }}",
            RegretsOnly: "如不能出席，请告知：{{ contact }}",
            PourMemoire: "备忘",
            Dress: "着装：{{ dress }}",
            DatePattern: "yyyy年M月d日",
            TimePattern: "tth:mm",
            Excellency: "阁下",
            ExcellencyAfterName: true,
            And: "及",
            Reply: "回复",
            ReminderSubject: "提醒：{{ title }}",
            ReminderLine: "我们尚未收到您的回复，敬请拨冗回复。",
            PlaceSubject: "为您保留席位：{{ title }}",
            PlaceLine: "现有席位空出，恭候光临。入场码见下方。",
            CodeLabel: "入场码：{{ code }}",
            Company: "可携随行人员：{{ n }}人",
            Signature: "{{ hosts }}",
            Occasions: new Dictionary<Events.EventKind, string>
            {
                [Events.EventKind.Reception] = "招待会",
                [Events.EventKind.NationalDay] = "国庆招待会",
                [Events.EventKind.Commemoration] = "纪念活动",
                [Events.EventKind.OfficialVisit] = "招待会",
                [Events.EventKind.Dinner] = "晚宴",
            },
            // Written after the name, as Chinese writes them (李丽夫人); keys are the honorific without its dot, lower case.
            Honorifics: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mrs"] = "夫人",
                ["mme"] = "夫人",
                ["madame"] = "夫人",
                ["mr"] = "先生",
                ["m"] = "先生",
                ["monsieur"] = "先生",
                ["ms"] = "女士",
                ["miss"] = "女士",
                ["mlle"] = "女士",
                ["dr"] = "博士",
                ["prof"] = "教授",
                ["professor"] = "教授",
                ["夫人"] = "夫人",
                ["先生"] = "先生",
                ["女士"] = "女士",
                ["博士"] = "博士",
                ["教授"] = "教授",
            }),
        ["ar"] = new("ar",
            Subject: "دعوة: {{ title }}",
            Request: ArabicRequest,
            When: "وذلك يوم {{ date }} الساعة {{ time }}، {{ venue }}",
            Rsvp: "يرجى تأكيد الحضور قبل {{ deadline }}: {{ contact }}",
            RsvpOpen: "يرجى تأكيد الحضور: {{ contact }}",
            RegretsOnly: "يرجى الإبلاغ في حالة الاعتذار فقط: {{ contact }}",
            PourMemoire: "للتذكير",
            Dress: "اللباس: {{ dress }}",
            DatePattern: "d MMMM yyyy",
            TimePattern: "HH:mm",
            Excellency: "سعادة",
            And: "و",
            Reply: "الرد",
            ReminderSubject: "تذكير: {{ title }}",
            ReminderLine: "لم يصلنا ردكم بعد، ويسعدنا تلقيه.",
            PlaceSubject: "مكان لكم: {{ title }}",
            PlaceLine: "لقد توفر مكان، ونحن بانتظاركم. رمز الدخول أدناه.",
            CodeLabel: "رمز الدخول: {{ code }}",
            Company: "عدد المرافقين المسموح به: {{ n }}",
            Honorifics: Words(("mr", "السيد"), ("m", "السيد"), ("monsieur", "السيد"), ("mrs", "السيدة"), ("ms", "السيدة"), ("miss", "الآنسة"), ("mme", "السيدة"), ("madame", "السيدة"), ("mlle", "الآنسة")),
            Occasions: new Dictionary<Events.EventKind, string>
            {
                [Events.EventKind.Reception] = "حفل الاستقبال",
                [Events.EventKind.NationalDay] = "حفل الاستقبال بمناسبة العيد الوطني",
                [Events.EventKind.Commemoration] = "مراسم إحياء الذكرى",
                [Events.EventKind.OfficialVisit] = "حفل الاستقبال",
                [Events.EventKind.Dinner] = "مأدبة العشاء",
            }),
    };

    private static Dictionary<string, string> Words(params (string Key, string Word)[] words) => words.ToDictionary(w => w.Key, w => w.Word, StringComparer.Ordinal);

    /// <summary>
    /// docs/wording.md, Arabic: a verb before its subject is singular and takes the gender of the first host (يتشرف
    /// سفير، تتشرف سفيرة، تتشرف سفارة); two or more hosts are named first, and the verb after them agrees in gender and
    /// number, the dual included (يتشرفان، تتشرفان، يتشرفون، يتشرفن); a mixed group is masculine.
    /// </summary>
    private static string ArabicRequest(HostGrammar h) => h.Count switch
    {
        1 => (h.First == Contacts.Gender.Female ? "تتشرف" : "يتشرف") + " {{ hosts }} بدعوة {{ guest }} لحضور {{ occasion }}",
        2 => "{{ hosts }} " + (h.AllFemale ? "تتشرفان" : "يتشرفان") + " بدعوة {{ guest }} لحضور {{ occasion }}",
        _ => "{{ hosts }} " + (h.AllFemale ? "يتشرفن" : "يتشرفون") + " بدعوة {{ guest }} لحضور {{ occasion }}",
    };
}
