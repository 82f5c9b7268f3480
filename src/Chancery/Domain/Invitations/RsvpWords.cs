namespace Chancery.Domain.Invitations;

/// <summary>The guest's reply page in their language: the six UN languages ship, others read English.</summary>
public sealed record RsvpWords(
    string Title, string Question, string Accept, string Decline, string Partner, string PlusOnes, string PlusOneNames,
    string Note, string Send, string Recorded, string Accepted, string Declined, string Closed, string DoorCode, string Calendar, string Change,
    string Waitlisted, string TooMany, string Companion, string Replaced)
{
    public static RsvpWords For(string language) =>
        All.TryGetValue(Events.InvitationLanguages.Primary(language), out var words) ? words : All["en"];

    private static readonly Dictionary<string, RsvpWords> All = new()
    {
        ["en"] = new("Your answer", "Will you attend?", "Yes, with pleasure", "Regretfully, no", "My spouse or partner comes too ({0})",
            "People coming with me (at most {0})", "Their names", "Dietary or access needs", "Send my answer", "Thank you: your answer is recorded.",
            "You are expected.", "You have declined.", "Answers closed on {0}. To change yours, write to {1}.", "Your code for the door", "Add to calendar", "You may change your answer until {0}.",
            "The event is full: you are on the waiting list. We will write to you if a place becomes free.", "Only {0} more places are free: please bring fewer people, or write to {1}.", "Companion {0}", "{0} comes in your place. To change that, write to {1}."),
        ["fr"] = new("Votre réponse", "Serez-vous présent ?", "Oui, avec plaisir", "Malheureusement, non", "Mon conjoint m'accompagne ({0})",
            "Personnes m'accompagnant (au plus {0})", "Leurs noms", "Régime alimentaire ou besoins d'accès", "Envoyer ma réponse", "Merci : votre réponse est enregistrée.",
            "Vous êtes attendu.", "Vous avez décliné.", "Les réponses sont closes depuis le {0}. Pour la modifier, écrivez à {1}.", "Votre code pour l'entrée", "Ajouter au calendrier", "Vous pouvez modifier votre réponse jusqu'au {0}.",
            "L'événement est complet : vous êtes sur la liste d'attente. Nous vous écrirons si une place se libère.", "Il ne reste que {0} places : venez à moins, ou écrivez à {1}.", "Accompagnant {0}", "{0} viendra à votre place. Pour changer cela, écrivez à {1}."),
        ["es"] = new("Su respuesta", "¿Asistirá?", "Sí, con mucho gusto", "Lamentablemente, no", "Mi cónyuge me acompaña ({0})",
            "Personas que me acompañan (como máximo {0})", "Sus nombres", "Necesidades alimentarias o de accesibilidad", "Enviar mi respuesta", "Gracias: su respuesta ha quedado registrada.",
            "Le esperamos.", "Ha declinado.", "Las respuestas se cerraron el {0}. Para cambiar la suya, escriba a {1}.", "Su código para la entrada", "Añadir al calendario", "Puede cambiar su respuesta hasta el {0}.",
            "El evento está completo: está en la lista de espera. Le escribiremos si se libera un lugar.", "Solo quedan {0} lugares: venga con menos personas, o escriba a {1}.", "Acompañante {0}", "{0} asistirá en su lugar. Para cambiarlo, escriba a {1}."),
        ["ru"] = new("Ваш ответ", "Вы примете участие?", "Да, с удовольствием", "К сожалению, нет", "Со мной будет супруг(а) ({0})",
            "Сопровождающие лица (не более {0})", "Их имена", "Особенности питания или доступности", "Отправить ответ", "Спасибо: ваш ответ записан.",
            "Вас ждут.", "Вы отказались.", "Приём ответов закрыт {0}. Чтобы изменить ответ, напишите на {1}.", "Ваш код для входа", "Добавить в календарь", "Вы можете изменить ответ до {0}.",
            "Мест больше нет: вы в списке ожидания. Мы напишем вам, если место освободится.", "Свободных мест осталось: {0}. Возьмите меньше сопровождающих или напишите на {1}.", "Сопровождающее лицо {0}", "Вместо вас придёт {0}. Чтобы изменить это, напишите на {1}."),
        ["zh"] = new("您的回复", "您是否出席？", "是，乐意出席", "很遗憾，不能出席", "配偶同行（{0}）",
            "随行人员（最多{0}人）", "随行人员姓名", "饮食或无障碍需求", "提交回复", "谢谢，您的回复已记录。",
            "恭候光临。", "您已婉辞。", "回复已于{0}截止。如需更改，请联系{1}。", "入场码", "添加到日历", "您可在{0}前更改回复。",
            "名额已满，您已列入候补名单。如有席位空出，我们将通知您。", "仅余{0}个席位：请减少随行人数，或联系{1}。", "随行人员{0}", "{0}将代您出席。如需更改，请联系{1}。"),
        ["ar"] = new("ردكم", "هل ستحضرون؟", "نعم، بكل سرور", "نعتذر عن الحضور", "يرافقني الزوج أو الزوجة ({0})",
            "المرافقون (بحد أقصى {0})", "أسماؤهم", "احتياجات غذائية أو احتياجات الوصول", "إرسال الرد", "شكرًا لكم: تم تسجيل ردكم.",
            "نحن بانتظاركم.", "لقد اعتذرتم.", "أُغلق باب الرد في {0}. لتغيير ردكم يرجى مراسلة {1}.", "رمز الدخول", "إضافة إلى التقويم", "يمكنكم تغيير ردكم حتى {0}.",
            "اكتمل العدد: أنتم على قائمة الانتظار. سنراسلكم إذا توفر مكان.", "لم يتبق سوى {0} أماكن: يرجى تقليل عدد المرافقين، أو مراسلة {1}.", "المرافق {0}", "سيحضر {0} نيابة عنكم. لتغيير ذلك يرجى مراسلة {1}."),
    };
}
