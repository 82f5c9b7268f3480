namespace Chancery.Domain.Invitations;

/// <summary>
/// An invitation's words in one language, with placeholders: {hosts}, {guest}, {occasion}, {date}, {time},
/// {venue}, {deadline}, {contact}, {dress}. The six UN languages ship; an event's office may write its own
/// (another language, or other words), which take their place.
/// </summary>
public sealed record InvitationTexts(
    string Language,
    string Subject,
    string Request,
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
    string Reply = "Reply")
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
        Subject: "Invitation: {occasion}",
        Request: "{hosts} request the pleasure of the company of {guest} at {occasion}",
        When: "on {date} at {time}, {venue}",
        Rsvp: "R.S.V.P. by {deadline}: {contact}",
            RsvpOpen: "R.S.V.P.: {contact}",
        RegretsOnly: "Regrets only: {contact}",
        PourMemoire: "p.m.",
        Dress: "Dress: {dress}",
        DatePattern: "d MMMM yyyy",
        TimePattern: "HH:mm",
        Excellency: "H.E.");

    private static readonly Dictionary<string, InvitationTexts> Shipped = new()
    {
        ["en"] = English,
        ["fr"] = new("fr",
            Subject: "Invitation : {occasion}",
            Request: "{hosts} prient {guest} de leur faire l'honneur d'assister à {occasion}",
            When: "le {date} à {time}, {venue}",
            Rsvp: "R.S.V.P. avant le {deadline} : {contact}",
            RsvpOpen: "R.S.V.P. : {contact}",
            RegretsOnly: "Regrets seulement : {contact}",
            PourMemoire: "p.m.",
            Dress: "Tenue : {dress}",
            DatePattern: "d MMMM yyyy",
            TimePattern: "HH' h 'mm",
            Excellency: "S.E.",
            And: "et",
            Reply: "Répondre"),
        ["es"] = new("es",
            Subject: "Invitación: {occasion}",
            Request: "{hosts} tienen el honor de invitar a {guest} a {occasion}",
            When: "el {date} a las {time}, {venue}",
            Rsvp: "S.R.C. antes del {deadline}: {contact}",
            RsvpOpen: "S.R.C.: {contact}",
            RegretsOnly: "Solo en caso de no asistir: {contact}",
            PourMemoire: "p.m.",
            Dress: "Vestimenta: {dress}",
            DatePattern: "d 'de' MMMM 'de' yyyy",
            TimePattern: "HH:mm",
            Excellency: "S.E.",
            And: "y",
            Reply: "Responder"),
        ["ru"] = new("ru",
            Subject: "Приглашение: {occasion}",
            Request: "{hosts} имеют честь пригласить {guest} на {occasion}",
            When: "{date} в {time}, {venue}",
            Rsvp: "Просьба ответить до {deadline}: {contact}",
            RsvpOpen: "Просьба ответить: {contact}",
            RegretsOnly: "Просьба сообщить только в случае отказа: {contact}",
            PourMemoire: "p.m.",
            Dress: "Форма одежды: {dress}",
            DatePattern: "d MMMM yyyy 'г.'",
            TimePattern: "HH:mm",
            Excellency: "Е.П.",
            And: "и",
            Reply: "Ответить"),
        ["zh"] = new("zh",
            Subject: "邀请：{occasion}",
            Request: "{hosts}敬请{guest}出席{occasion}",
            When: "时间：{date} {time}　地点：{venue}",
            Rsvp: "请于{deadline}前回复：{contact}",
            RsvpOpen: "敬请回复：{contact}",
            RegretsOnly: "如不能出席，请告知：{contact}",
            PourMemoire: "备忘",
            Dress: "着装：{dress}",
            DatePattern: "yyyy年M月d日",
            TimePattern: "HH:mm",
            Excellency: "阁下",
            ExcellencyAfterName: true,
            And: "及",
            Reply: "回复"),
        ["ar"] = new("ar",
            Subject: "دعوة: {occasion}",
            Request: "يتشرف {hosts} بدعوة {guest} لحضور {occasion}",
            When: "وذلك يوم {date} الساعة {time}، {venue}",
            Rsvp: "يرجى تأكيد الحضور قبل {deadline}: {contact}",
            RsvpOpen: "يرجى تأكيد الحضور: {contact}",
            RegretsOnly: "يرجى الإبلاغ في حالة الاعتذار فقط: {contact}",
            PourMemoire: "للتذكير",
            Dress: "اللباس: {dress}",
            DatePattern: "d MMMM yyyy",
            TimePattern: "HH:mm",
            Excellency: "سعادة",
            And: "و",
            Reply: "الرد"),
    };
}
