using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;

namespace Chancery.Tests.Guests;

/// <summary>The order of precedence, one rule at a time, with the Vienna Convention article each one comes from.</summary>
public sealed class PrecedenceTests
{
    private static int _recorded;
    private static readonly PrecedenceSettings Defaults = new();

    private static PrecedenceCandidate Person(string name, HeadOfMissionClass? cls = null, string? credentials = null, string? country = null,
        Guid? org = null, string? rank = null, int? notified = null, int? manual = null, string? tookUp = null, string? arrival = null,
        bool holySee = false, OrganizationType? type = null, bool io = false, int? orgRank = null) => new()
        {
            Id = Guid.NewGuid(),
            Name = name,
            HeadOfMissionClass = cls,
            CredentialsPresented = credentials is null ? null : DateTime.Parse(credentials, System.Globalization.CultureInfo.InvariantCulture),
            ArrivalNotified = arrival is null ? null : DateTime.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture),
            TookUpFunction = tookUp is null ? null : DateTime.Parse(tookUp, System.Globalization.CultureInfo.InvariantCulture),
            Country = country ?? name,
            OrganizationId = org,
            OrganizationType = type ?? Chancery.Domain.Contacts.OrganizationType.Embassy,
            DiplomaticRank = rank,
            NotifiedOrder = notified,
            ManualRank = manual,
            RepresentsHolySee = holySee,
            HeadsInternationalOrganization = io,
            OrganizationRank = orgRank,
            RecordedOrder = Interlocked.Increment(ref _recorded),
        };

    private static string[] Names(IEnumerable<PrecedenceCandidate> people, PrecedenceSettings? settings = null, IEnumerable<PrecedenceCandidate>? corps = null) =>
        [.. Precedence.Order(people, settings ?? Defaults, corps).Select(e => e.Person.Name)];

    [Fact]
    public void Art14_heads_of_mission_come_in_three_classes_whatever_their_dates()
    {
        var people = new[]
        {
            Person("Chargé en pied", HeadOfMissionClass.ChargeDAffaires, "2001-01-01"),
            Person("Envoy", HeadOfMissionClass.Envoy, "2005-01-01"),
            Person("Ambassador", HeadOfMissionClass.Ambassador, "2024-01-01"),
        };

        Assert.Equal(["Ambassador", "Envoy", "Chargé en pied"], Names(people));
    }

    [Fact]
    public void Art16_1_within_a_class_the_earlier_credentials_come_first_to_the_minute()
    {
        var people = new[]
        {
            Person("Jordan", HeadOfMissionClass.Ambassador, "2022-11-21"),
            Person("Peru", HeadOfMissionClass.Ambassador, "2018-04-03T11:15"),
            Person("Georgia", HeadOfMissionClass.Ambassador, "2018-04-03T10:30"),
        };

        Assert.Equal(["Georgia", "Peru", "Jordan"], Names(people));
    }

    [Fact]
    public void Art13_and_16_1_the_host_may_date_functions_by_the_notified_arrival()
    {
        var early = Person("Arrived early", HeadOfMissionClass.Ambassador, credentials: "2020-06-01", arrival: "2020-01-10");
        var late = Person("Arrived late", HeadOfMissionClass.Ambassador, credentials: "2020-03-01", arrival: "2020-02-20");

        Assert.Equal(["Arrived late", "Arrived early"], Names([early, late]));
        Assert.Equal(["Arrived early", "Arrived late"], Names([early, late], Defaults with { DatedBy = FunctionsDatedBy.ArrivalNotified }));
    }

    [Fact]
    public void Art19_charges_daffaires_ad_interim_follow_every_head_of_mission_by_when_they_took_up_the_function()
    {
        var people = new[]
        {
            Person("Interim B", HeadOfMissionClass.ChargeDAffairesAdInterim, tookUp: "2023-05-01"),
            Person("Chargé en pied", HeadOfMissionClass.ChargeDAffaires, "2024-09-01"),
            Person("Interim A", HeadOfMissionClass.ChargeDAffairesAdInterim, tookUp: "2021-01-15"),
        };

        Assert.Equal(["Chargé en pied", "Interim A", "Interim B"], Names(people));
        Assert.All(Precedence.Order(people, Defaults).Skip(1), e => Assert.Contains("Art. 19", e.Reason));
    }

    [Fact]
    public void Art16_3_the_host_may_give_the_holy_see_precedence_and_then_the_nuncio_is_dean()
    {
        var ambassador = Person("Longest serving", HeadOfMissionClass.Ambassador, "2010-01-01");
        var nuncio = Person("Nuncio", HeadOfMissionClass.Ambassador, "2023-01-01", holySee: true);
        var corps = new[] { ambassador, nuncio };

        Assert.Equal(["Longest serving", "Nuncio"], Names(corps));
        Assert.Equal("Longest serving", Precedence.Dean(corps, Defaults)!.Name);

        var holySeeFirst = Defaults with { HolySeeFirst = true };
        Assert.Equal(["Nuncio", "Longest serving"], Names(corps, holySeeFirst));
        Assert.Equal("Nuncio", Precedence.Dean(corps, holySeeFirst)!.Name);
        Assert.Contains("Art. 16.3", Precedence.Order(corps, holySeeFirst)[0].Reason);
    }

    [Fact]
    public void Rule5_ties_keep_the_order_the_host_recorded_and_say_so()
    {
        var first = Person("Zypern", HeadOfMissionClass.Ambassador, "2019-09-09T10:00");
        var second = Person("Österreich", HeadOfMissionClass.Ambassador, "2019-09-09T10:00");

        var order = Precedence.Order([second, first], Defaults);

        Assert.Equal(["Zypern", "Österreich"], order.Select(e => e.Person.Name));
        Assert.All(order, e => Assert.Contains("order the host recorded", e.Reason));
    }

    [Fact]
    public void Rule5_ties_by_country_name_follow_the_hosts_alphabet()
    {
        var cyprus = Person("Zypern", HeadOfMissionClass.Ambassador, "2019-09-09T10:00");
        var austria = Person("Österreich", HeadOfMissionClass.Ambassador, "2019-09-09T10:00");

        // In German Ö sorts with O, before Z; in Swedish it is a letter after Z.
        var german = Defaults with { TieBreak = PrecedenceTieBreak.CountryName, HostLanguage = "de" };
        var swedish = Defaults with { TieBreak = PrecedenceTieBreak.CountryName, HostLanguage = "sv" };

        Assert.Equal(["Österreich", "Zypern"], Names([cyprus, austria], german));
        Assert.Equal(["Zypern", "Österreich"], Names([cyprus, austria], swedish));
        Assert.Contains("country name in German", Precedence.Order([cyprus, austria], german)[0].Reason);
    }

    [Fact]
    public void Rule6_heads_of_international_organizations_follow_heads_of_diplomatic_missions_and_interims()
    {
        var people = new[]
        {
            Person("WHO representative", HeadOfMissionClass.Ambassador, "2000-01-01", type: OrganizationType.InternationalOrganization),
            Person("Interim", HeadOfMissionClass.ChargeDAffairesAdInterim, tookUp: "2024-01-01"),
            Person("UNDP head", io: true, type: OrganizationType.InternationalOrganization),
            Person("Ambassador", HeadOfMissionClass.Ambassador, "2024-06-01"),
        };

        var order = Precedence.Order(people, Defaults);

        Assert.Equal(["Ambassador", "Interim", "WHO representative", "UNDP head"], order.Select(e => e.Person.Name));
        Assert.Equal(PrecedenceGroup.HeadOfInternationalOrganization, order[2].Group);
    }

    [Fact]
    public void Rule6_heads_of_international_organizations_follow_the_hosts_ranking_of_their_organizations_then_their_dates()
    {
        var people = new[]
        {
            Person("UNICEF head", io: true, type: OrganizationType.InternationalOrganization, credentials: "2015-01-01"),
            Person("WHO head", io: true, type: OrganizationType.InternationalOrganization, credentials: "2023-01-01", orgRank: 2),
            Person("UN Resident Coordinator", io: true, type: OrganizationType.InternationalOrganization, credentials: "2024-01-01", orgRank: 1),
            Person("FAO head", io: true, type: OrganizationType.InternationalOrganization, credentials: "2010-01-01"),
        };

        var order = Precedence.Order(people, Defaults);

        Assert.Equal(["UN Resident Coordinator", "WHO head", "FAO head", "UNICEF head"], order.Select(e => e.Person.Name));
        Assert.Contains("ranked 1st by the host", order[0].Reason);
    }

    [Fact]
    public void Rule7_art17_staff_follow_all_heads_by_rank_then_by_their_heads_precedence_then_in_notified_order()
    {
        Guid finland = Guid.NewGuid(), peru = Guid.NewGuid();
        var headOfFinland = Person("Ambassador of Finland", HeadOfMissionClass.Ambassador, "2020-09-14", org: finland);
        var headOfPeru = Person("Ambassador of Peru", HeadOfMissionClass.Ambassador, "2018-04-03", org: peru);
        var people = new[]
        {
            Person("Finnish first secretary", rank: "First Secretary", org: finland),
            Person("Peruvian counsellor B", rank: "Counsellor", org: peru, notified: 2),
            Person("Finnish counsellor", rank: "Counsellor", org: finland),
            Person("Peruvian counsellor A", rank: "Counsellor", org: peru, notified: 1),
            Person("Finnish minister-counsellor", rank: "Minister-Counsellor", org: finland),
            Person("UN head", io: true, type: OrganizationType.InternationalOrganization),
            headOfFinland,
        };

        // Peru's ambassador is not invited, but the corps still ranks him before Finland's.
        var names = Names(people, corps: [headOfPeru, headOfFinland]);

        Assert.Equal(
            ["Ambassador of Finland", "UN head", "Finnish minister-counsellor", "Peruvian counsellor A", "Peruvian counsellor B", "Finnish counsellor", "Finnish first secretary"],
            names);
    }

    [Fact]
    public void Rule6_everyone_else_comes_last_by_the_rank_the_protocol_officer_set()
    {
        var people = new[]
        {
            Person("Scholar", manual: 20, type: OrganizationType.Academia),
            Person("Vice-minister", manual: 1, type: OrganizationType.Government),
            Person("Citizen", type: OrganizationType.Community),
            Person("Attaché", rank: "Defence Attaché"),
        };

        Assert.Equal(["Attaché", "Vice-minister", "Scholar", "Citizen"], Names(people));
    }

    [Fact]
    public void Rule6_outside_the_corps_guests_come_category_by_category_in_the_missions_order_then_by_rank_never_by_name_across()
    {
        // The mission's order: host officials, then scientific circles, then citizens.
        var people = new[]
        {
            Person("Aaron (citizen)", manual: 1) with { Category = "Citizens", CategoryOrder = 7 },
            Person("Zhao (vice-minister)") with { Category = "Government", CategoryOrder = 1 },
            Person("Bella (scholar)", manual: 2) with { Category = "Scientific circles", CategoryOrder = 3 },
            Person("Carl (scholar)", manual: 1) with { Category = "Scientific circles", CategoryOrder = 3 },
            Person("Dana (no category)"),
        };

        Assert.Equal(["Zhao (vice-minister)", "Carl (scholar)", "Bella (scholar)", "Aaron (citizen)", "Dana (no category)"], Names(people));
        Assert.Contains("Scientific circles", Precedence.Order(people, Defaults).Single(e => e.Person.Name.StartsWith("Carl", StringComparison.Ordinal)).Reason);
    }

    [Fact]
    public void Rule6_people_without_a_rank_follow_by_surname_not_by_honorific()
    {
        var people = new[]
        {
            Person("Prof. Min Liu") with { SortName = "liu min" },
            Person("Dr. Amara Nwosu") with { SortName = "nwosu amara" },
            Person("Mr. Jun Zhao") with { SortName = "zhao jun" },
        };

        Assert.Equal(["Prof. Min Liu", "Dr. Amara Nwosu", "Mr. Jun Zhao"], Names(people));
    }

    [Fact]
    public void Heads_without_a_date_stand_last_in_their_class_and_the_reason_says_why()
    {
        var undated = Person("Undated", HeadOfMissionClass.Ambassador);
        var dated = Person("Dated", HeadOfMissionClass.Ambassador, "2024-01-01");

        var order = Precedence.Order([undated, dated], Defaults);

        Assert.Equal(["Dated", "Undated"], order.Select(e => e.Person.Name));
        Assert.Contains("date unknown", order[1].Reason);
    }

    [Theory]
    [InlineData("Minister-Counsellor", 2)]
    [InlineData("Minister Counselor", 2)]
    [InlineData("Minister", 1)]
    [InlineData("Counsellor, political", 3)]
    [InlineData("First Secretary", 4)]
    [InlineData("Third secretary", 6)]
    [InlineData("Military Attaché", 7)]
    [InlineData("Ambassador Extraordinary and Plenipotentiary", null)]
    [InlineData(null, null)]
    public void Diplomatic_ranks_are_read_from_free_text(string? text, int? rank) =>
        Assert.Equal(rank, DiplomaticRanks.Of(text));
}
