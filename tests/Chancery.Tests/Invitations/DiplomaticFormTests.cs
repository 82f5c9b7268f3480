using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Invitations;

namespace Chancery.Tests.Invitations;

/// <summary>docs/wording.md "The occasion, the dress code, the honorifics", one rule a test, and the card's lines in the six UN languages.</summary>
public sealed class DiplomaticFormTests
{
    private static readonly InvitationTexts English = InvitationTexts.For("en");

    private static Contact Person(string? honorific, string? first, string last, HeadOfMissionClass? hoc = null, bool ioHead = false, string? language = null) =>
        new() { Honorific = honorific, FirstName = first, LastName = last, HeadOfMissionClass = hoc, HeadsInternationalOrganization = ioHead, Language = language };

    private static Event Reception(bool regretsOnly = false, DateTime? rsvpBy = null, string? dress = "Lounge suit") => new()
    {
        Title = "the National Day reception",
        TimeZone = "Asia/Baku",
        Venue = "Residence of the Ambassador",
        Address = "12 Nizami Street",
        StartsAtLocal = new DateTime(2026, 2, 26, 15, 0, 0),
        Kind = EventKind.Other,
        Hosts = "The Ambassador of Finland",
        RsvpByLocal = rsvpBy ?? new DateTime(2026, 2, 20),
        RegretsOnly = regretsOnly,
        DressCode = dress,
    };

    [Fact]
    public void Words_typed_by_the_office_or_a_guest_print_as_typed_even_when_they_look_like_a_slot()
    {
        // The card is rendered once (TextTemplates): what fills a slot is never read as a template again.
        var e = Reception();
        e.Title = "the {{ guest }} reception {% if true %}x{% endif %}";
        e.Venue = "Hall {guest}";
        var card = InvitationWording.Card(e, new Guest { Contact = Person("Mr.", "{{ hosts }}", "Virtanen") }, "en", "protocol@embassy.example");

        Assert.Contains("Mr. {{ hosts }} Virtanen", card.Request, StringComparison.Ordinal);
        Assert.Contains("the {{ guest }} reception {% if true %}x{% endif %}", card.Request, StringComparison.Ordinal);
        Assert.Contains("Hall {guest}", card.When, StringComparison.Ordinal);
        Assert.Equal("Code: AB12-CD34", InvitationMail.CodeLine(card, "AB12-CD34"));
    }

    [Theory]
    [InlineData(HeadOfMissionClass.Ambassador, "H.E. Ms. Aino Virtanen")]
    [InlineData(HeadOfMissionClass.Envoy, "H.E. Ms. Aino Virtanen")]
    [InlineData(HeadOfMissionClass.ChargeDAffaires, "Ms. Aino Virtanen")]
    [InlineData(HeadOfMissionClass.ChargeDAffairesAdInterim, "Ms. Aino Virtanen")]
    [InlineData(null, "Ms. Aino Virtanen")]
    public void Excellency_is_for_heads_of_mission_of_classes_one_and_two_only_whatever_the_record_says(HeadOfMissionClass? hoc, string addressed)
    {
        // Recorded as "H.E. Ms." (as imports often are): the rule decides, not the record.
        Assert.Equal(addressed, InvitationWording.Addressee(Person("H.E. Ms.", "Aino", "Virtanen", hoc), false, English, AddressPractice.Default));
    }

    [Fact]
    public void The_head_of_an_international_organization_is_an_Excellency_unless_the_host_says_otherwise()
    {
        var who = Person("Dr.", "Amara", "Nwosu", ioHead: true);
        Assert.Equal("H.E. Dr. Amara Nwosu", InvitationWording.Addressee(who, false, English, AddressPractice.Default));
        Assert.Equal("Dr. Amara Nwosu", InvitationWording.Addressee(who, false, English, new AddressPractice(ExcellencyForHeadsOfInternationalOrganizations: false)));
    }

    [Fact]
    public void The_partner_is_named_by_family_name_when_it_is_the_same_by_full_name_when_not_and_never_as_and_partner()
    {
        var same = Person("Mr.", "John", "Smith", HeadOfMissionClass.Ambassador);
        (same.SpouseHonorific, same.SpouseFirstName, same.SpouseLastName) = ("Mrs.", "Jane", "Smith");
        var other = Person("Ms.", "Aino", "Virtanen", HeadOfMissionClass.Ambassador);
        (other.SpouseHonorific, other.SpouseFirstName, other.SpouseLastName) = ("Mr.", "Karl", "Schmidt");

        Assert.Equal("H.E. Mr. John Smith and Mrs. Smith", InvitationWording.Addressee(same, true, English, AddressPractice.Default));
        Assert.Equal("H.E. Ms. Aino Virtanen and Mr. Karl Schmidt", InvitationWording.Addressee(other, true, English, AddressPractice.Default));
        Assert.Equal("H.E. Mr. John Smith", InvitationWording.Addressee(same, false, English, AddressPractice.Default));
        Assert.DoesNotContain("partner", InvitationWording.Addressee(Person("Mr.", "Ali", "Khan"), true, English, AddressPractice.Default));
    }

    [Fact]
    public void Each_language_writes_the_Excellency_its_own_way_and_the_name_in_its_order()
    {
        var wang = Person(null, "伟", "王", HeadOfMissionClass.Ambassador, language: "zh");
        var rana = Person(null, "رنا", "الخطيب", HeadOfMissionClass.Ambassador, language: "ar");

        Assert.Equal("王伟阁下", InvitationWording.Addressee(wang, false, InvitationTexts.For("zh"), AddressPractice.Default));
        (wang.SpouseHonorific, wang.SpouseFirstName, wang.SpouseLastName) = ("夫人", "丽", "李");
        Assert.Equal("王伟阁下及李丽夫人", InvitationWording.Addressee(wang, true, InvitationTexts.For("zh"), AddressPractice.Default));
        // Chinese puts the honorific after the name, in its own word, whichever language the directory wrote it in.
        wang.SpouseHonorific = "Mme";
        Assert.Equal("王伟阁下及李丽夫人", InvitationWording.Addressee(wang, true, InvitationTexts.For("zh"), AddressPractice.Default));
        Assert.Equal("刘敏先生", InvitationWording.Addressee(Person("Mr.", "敏", "刘", language: "zh"), false, InvitationTexts.For("zh"), AddressPractice.Default));
        Assert.Equal("Lt. Gen. 刘敏", InvitationWording.Addressee(Person("Lt. Gen.", "敏", "刘", language: "zh"), false, InvitationTexts.For("zh"), AddressPractice.Default));
        Assert.Equal("سعادة رنا الخطيب", InvitationWording.Addressee(rana, false, InvitationTexts.For("ar"), AddressPractice.Default));
        Assert.Equal("S.E. Aino Virtanen", InvitationWording.Addressee(Person("H.E.", "Aino", "Virtanen", HeadOfMissionClass.Ambassador), false, InvitationTexts.For("fr"), AddressPractice.Default));
    }

    [Fact]
    public void The_host_speaks_in_the_third_person_with_the_occasion_date_time_and_place_on_the_venues_clock()
    {
        var card = InvitationWording.Card(Reception(), new Guest { Contact = Person("H.E. Ms.", "Aino", "Virtanen", HeadOfMissionClass.Ambassador) }, "en", "protocol@embassy.example");

        Assert.Equal("The Ambassador of Finland requests the pleasure of the company of H.E. Ms. Aino Virtanen at the National Day reception", card.Request);
        Assert.Equal("on 26 February 2026 at 15:00, Residence of the Ambassador, 12 Nizami Street", card.When);
        Assert.Equal("R.S.V.P. by 20 February 2026: protocol@embassy.example", card.Reply);
        Assert.Equal("Dress: Lounge suit", card.Dress);
        Assert.False(card.RightToLeft);
    }

    [Fact]
    public void Regrets_only_and_pour_memoire_and_no_deadline_change_the_reply_line_and_no_dress_code_leaves_it_out()
    {
        var aino = new Guest { Contact = Person("Ms.", "Aino", "Virtanen") };
        Assert.Equal("Regrets only: protocol@embassy.example", InvitationWording.Card(Reception(regretsOnly: true), aino, "en", "protocol@embassy.example").Reply);
        var answered = new Guest { Contact = Person("Ms.", "Aino", "Virtanen"), Rsvp = RsvpAnswer.Accepted };
        Assert.Equal("p.m.", InvitationWording.Card(Reception(), answered, "en", "protocol@embassy.example", answeredAlready: true).Reply);
        var open = Reception();
        open.RsvpByLocal = null;
        Assert.Equal("R.S.V.P.: protocol@embassy.example", InvitationWording.Card(open, aino, "en", "protocol@embassy.example").Reply);
        Assert.Null(InvitationWording.Card(Reception(dress: null), aino, "en", null).Dress);
    }

    [Theory]
    [InlineData("en", "on 26 February 2026 at 15:00")]
    [InlineData("fr", "le 26 février 2026 à 15 h 00")]
    [InlineData("es", "el 26 de febrero de 2026 a las 15:00")]
    [InlineData("ru", "26 февраля 2026 г. в 15:00")]
    [InlineData("zh", "谨订于2026年2月26日下午3:00")]
    [InlineData("ar", "وذلك يوم 26 فبراير 2026 الساعة 15:00")]
    [InlineData("az", "on 26 fevral 2026 at 15:00")] // a language that does not ship: English words, its own month names
    public void Dates_and_times_are_written_each_languages_own_way(string language, string starts)
    {
        var card = InvitationWording.Card(Reception(), new Guest { Contact = Person("Ms.", "Aino", "Virtanen") }, language, null);

        Assert.StartsWith(starts, language == "zh" ? card.Request : card.When, StringComparison.Ordinal);
        Assert.Equal(language == "ar", card.RightToLeft);
    }
}
