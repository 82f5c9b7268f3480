using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;

namespace Chancery.Tests.Invitations;

/// <summary>
/// The card agrees with its hosts (docs/wording.md "The request, per language"), one test per language and rule as
/// docs/wording.md gives them: number in every language, the gender of the first host for an Arabic verb before its
/// subject, gender and number (the dual too) for one after; the host never styled on their own card.
/// </summary>
public sealed class HostAgreementTests
{
    private static Contact Person(string? honorific, string first, string last, string? position = null, Gender? gender = null) =>
        new() { Id = Guid.NewGuid(), Honorific = honorific, FirstName = first, LastName = last, Position = position, Gender = gender, HeadOfMissionClass = HeadOfMissionClass.Ambassador };

    private static readonly Contact Sevinj = Person("H.E. Ms.", "Sevinj", "Abbasova", "Ambassador of Azerbaijan");
    private static readonly Contact Rashad = Person("Mr.", "Rashad", "Aliyev", "Defence Attaché");
    private static readonly Contact Leyla = Person("Mrs.", "Leyla", "Mammadova", "Counsellor");
    private static readonly Contact Guest = new() { Honorific = "Mr.", FirstName = "Wei", LastName = "Wang" };

    private static Event Reception() => new()
    {
        Title = "National Day of Azerbaijan",
        Kind = EventKind.NationalDay,
        TimeZone = "Asia/Shanghai",
        Venue = "Embassy of Azerbaijan",
        StartsAtLocal = new DateTime(2026, 5, 28, 18, 0, 0),
        DressCode = "Dark suit",
    };

    private static InvitationCard Card(string language, params Contact[] hosts) => Card(language, null, hosts);

    private static InvitationCard Card(string language, InvitationText? own, params Contact[] hosts) => CardTo(Guest, language, own, hosts);

    private static InvitationCard CardTo(Contact guest, string language, InvitationText? own, params Contact[] hosts)
    {
        var e = Reception();
        var voice = new EventVoice(hosts, "Embassy of Azerbaijan", "en", "en");
        return InvitationWording.Card(e, new Guest { Contact = guest }, language, "protocol@embassy.example", words: EventWords.For(e, voice, own, language));
    }

    [Fact]
    public void English_one_host_requests_two_request_and_the_host_is_never_styled_on_their_own_card()
    {
        // docs/wording.md, English (a) and (c).
        Assert.Equal("Sevinj Abbasova, Ambassador of Azerbaijan, requests the pleasure of the company of Mr. Wei Wang at a reception on the occasion of the National Day",
            Card("en", Sevinj).Request);
        Assert.StartsWith("Sevinj Abbasova, Ambassador of Azerbaijan, and Rashad Aliyev, Defence Attaché, request the pleasure", Card("en", Sevinj, Rashad).Request);
        Assert.DoesNotContain("H.E.", Card("en", Sevinj).Request.Split(" the company of ")[0]);
    }

    [Fact]
    public void English_the_office_speaks_with_its_article_in_the_singular()
    {
        // docs/wording.md, English (d): "The Embassy of {Country} requests".
        Assert.StartsWith("The Embassy of Azerbaijan requests the pleasure", Card("en").Request);
    }

    [Fact]
    public void French_prie_de_lui_for_one_host_prient_de_leur_for_two()
    {
        // docs/wording.md, French (a), (b), (d): « prie … de lui faire l'honneur »; (c) « prient … de leur faire l'honneur ».
        var own = new InvitationText { Language = "fr", Hosts = "L'Ambassadrice d'Azerbaïdjan" };
        Assert.Equal("L'Ambassadrice d'Azerbaïdjan prie M. Wei Wang de lui faire l'honneur d'assister à une réception à l'occasion de la Fête nationale",
            Card("fr", own, Sevinj).Request);
        Assert.Contains(" prient ", Card("fr", Sevinj, Rashad).Request);
        Assert.Contains(" de leur faire l'honneur ", Card("fr", Sevinj, Rashad).Request);
    }

    [Fact]
    public void Spanish_tiene_for_one_host_tienen_for_two()
    {
        // docs/wording.md, Spanish (a)–(d).
        Assert.Contains(" tiene el honor de invitar al ", Card("es", Sevinj).Request);
        Assert.Contains(" tienen el honor de invitar al ", Card("es", Sevinj, Leyla).Request);
        Assert.EndsWith(" a una recepción con motivo del Día Nacional", Card("es", Sevinj).Request);
    }

    [Fact]
    public void Russian_imeet_for_one_host_imeyut_for_two_and_no_gender_in_the_present()
    {
        // docs/wording.md, Russian (a)–(d): the present tense has no gender.
        Assert.Contains(" имеет честь пригласить ", Card("ru", Sevinj).Request);
        Assert.Contains(" имеет честь пригласить ", Card("ru", Rashad).Request);
        Assert.Contains(" имеют честь пригласить ", Card("ru", Sevinj, Rashad).Request);
        Assert.EndsWith(" на приём по случаю Национального дня", Card("ru", Sevinj).Request);
    }

    [Fact]
    public void Arabic_a_verb_before_its_subject_takes_the_first_hosts_gender_and_the_Embassy_is_feminine()
    {
        // docs/wording.md, Arabic (a), (b), (d).
        Assert.StartsWith("تتشرف ", Card("ar", Sevinj).Request);
        Assert.StartsWith("يتشرف ", Card("ar", Rashad).Request);
        Assert.StartsWith("تتشرف ", Card("ar").Request);
    }

    [Theory]
    [InlineData("يتشرفان", false, false)] // two men
    [InlineData("تتشرفان", true, true)] // two women: the feminine dual
    [InlineData("يتشرفان", true, false)] // a woman and a man: a mixed pair agrees in the masculine
    public void Arabic_a_verb_after_two_subjects_is_dual_and_agrees_in_gender(string verb, bool firstIsWoman, bool secondIsWoman)
    {
        // docs/wording.md, Arabic (c).
        var first = firstIsWoman ? Sevinj : Rashad;
        var second = secondIsWoman ? Leyla : Person("Mr.", "Elchin", "Huseynov");
        var request = Card("ar", first, second).Request;
        Assert.Contains($" {verb} بدعوة ", request);
        Assert.Contains(" و", request);
    }

    [Fact]
    public void Arabic_three_hosts_take_the_plural_feminine_only_when_all_are_women()
    {
        // docs/wording.md, Arabic (c): 3+ يتشرفون.
        Assert.Contains(" يتشرفون بدعوة ", Card("ar", Sevinj, Rashad, Leyla).Request);
        Assert.Contains(" يتشرفن بدعوة ", Card("ar", Sevinj, Leyla, Person("Ms.", "Aysel", "Karimova")).Request);
    }

    [Fact]
    public void Chinese_the_host_signs_the_card_and_the_body_invites_without_naming_them()
    {
        // docs/wording.md, Chinese: host in the signature (落款), 敬请光临.
        var card = CardTo(Person("Mr.", "伟", "王"), "zh", new InvitationText { Language = "zh", Hosts = "阿塞拜疆驻华大使" }, Sevinj);
        Assert.Equal("阿塞拜疆驻华大使", card.Signature);
        Assert.Equal("谨订于2026年5月28日下午6:00举行国庆招待会，敬请王伟阁下光临", card.Request);
    }

    [Theory]
    [InlineData("H.E. Ms.", Gender.Female)]
    [InlineData("Mme", Gender.Female)]
    [InlineData("Sra.", Gender.Female)]
    [InlineData("г-жа", Gender.Female)]
    [InlineData("السيدة", Gender.Female)]
    [InlineData("女士", Gender.Female)]
    [InlineData("H.E. Mr.", Gender.Male)]
    [InlineData("Monsieur", Gender.Male)]
    [InlineData("السيد", Gender.Male)]
    [InlineData("Dr.", null)]
    [InlineData("Prof.", null)]
    [InlineData(null, null)]
    public void Gender_comes_from_the_honorific_where_it_tells(string? honorific, Gender? gender)
    {
        Assert.Equal(gender, Genders.FromHonorific(honorific));
    }

    [Fact]
    public void A_gender_recorded_on_the_person_decides_where_the_honorific_does_not_tell()
    {
        var doctor = Person("Dr.", "Nigar", "Hasanova", gender: Gender.Female);
        Assert.StartsWith("تتشرف ", Card("ar", doctor).Request);
        var unknown = Person("Dr.", "Nigar", "Hasanova");
        Assert.True(HostGrammar.Of([unknown]).Unknown);
        Assert.StartsWith("يتشرف ", Card("ar", unknown).Request); // the grammar's default, which the Invitations page asks about
    }

    [Fact]
    public void Spanish_names_the_guest_with_the_article_its_title_takes()
    {
        // docs/wording.md, Spanish: « invitar al Sr. … », « a la Sra. … », « a S.E. el Sr. … ».
        Assert.Contains(" invitar al Sr. Wei Wang a ", Card("es", Sevinj).Request);
        Assert.Contains(" invitar a la Sra. Lucía Gómez a ", CardTo(new Contact { Honorific = "Mrs.", FirstName = "Lucía", LastName = "Gómez" }, "es", null, Sevinj).Request);
        Assert.Contains(" invitar a S.E. el Sr. Juan Pérez a ", CardTo(Person("Mr.", "Juan", "Pérez"), "es", null, Sevinj).Request);
    }

    [Fact]
    public void Russian_names_the_guest_above_and_invites_Vas_so_no_name_is_declined_by_guesswork()
    {
        // docs/wording.md, Russian: пригласить кого (accusative); «Вас» is the accusative every guest takes.
        var card = Card("ru", Sevinj);
        Assert.Equal("г-н Wei Wang", card.Salutation);
        Assert.Contains(" имеет честь пригласить Вас на ", card.Request);
    }

    [Fact]
    public void Hosts_written_as_words_alone_agree_in_number_by_their_and()
    {
        // The office wrote who invites without choosing people: two names joined are plural, and the page asks for the people.
        var e = Reception();
        e.Hosts = "The Ambassador of Azerbaijan and Mr Aliyev";
        var words = EventWords.For(e, new EventVoice([], "Embassy of Azerbaijan", "en", "en"), null, "en");
        Assert.True(words.Grammar.Plural);
        Assert.True(words.Grammar.Unknown);
        Assert.StartsWith("The Ambassador of Azerbaijan and Mr Aliyev request the pleasure", InvitationWording.Card(e, new Guest { Contact = Guest }, "en", null, words: words).Request);
    }

    [Theory]
    [InlineData("en", "Embassy of Finland", "The Embassy of Finland")]
    [InlineData("fr", "Ambassade de Finlande", "L'Ambassade de Finlande")]
    [InlineData("fr", "Consulat général de Finlande", "Le Consulat général de Finlande")]
    [InlineData("es", "Embajada de Finlandia", "La Embajada de Finlandia")]
    [InlineData("es", "Consulado de Finlandia", "El Consulado de Finlandia")]
    [InlineData("en", "The Embassy of Finland", "The Embassy of Finland")]
    public void The_office_speaks_with_the_article_its_language_puts_before_its_name(string language, string name, string subject)
    {
        Assert.Equal(subject, EventWords.WithArticle(name, language));
    }
}
