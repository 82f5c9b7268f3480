using Chancery.Domain.Contacts;

namespace Chancery.Tests.Contacts;

/// <summary>docs/names.md §Organizations: an organization named in a language, recorded or made from its kind and CLDR's country names.</summary>
public sealed class OrganizationNamesTests
{
    private static readonly Dictionary<string, string> None = [];

    private static string Made(string country, string language, OrganizationType type = OrganizationType.Embassy, string name = "Embassy") =>
        OrganizationNames.In(name, type, country, None, language, written: "en") is { Uncertain: false } n ? n.Name : "(uncertain)";

    [Theory]
    // French: « du » before a masculine name, « de » before a feminine one, « d' » before a vowel, « des » before a plural; islands bare.
    [InlineData("Kazakhstan", "Ambassade du Kazakhstan")]
    [InlineData("China", "Ambassade de Chine")]
    [InlineData("Hungary", "Ambassade de Hongrie")]
    [InlineData("Italy", "Ambassade d'Italie")]
    [InlineData("Iran", "Ambassade d'Iran")]
    [InlineData("United States", "Ambassade des États-Unis")]
    [InlineData("Mexico", "Ambassade du Mexique")]
    [InlineData("Cuba", "Ambassade de Cuba")]
    [InlineData("Yemen", "Ambassade du Yémen")]
    [InlineData("Chine", "Ambassade de Chine")] // typed in French, found all the same
    public void French_names_an_embassy_with_the_preposition_its_country_takes(string country, string expected) =>
        Assert.Equal(expected, Made(country, "fr"));

    [Theory]
    [InlineData("en", "Netherlands", "Embassy of the Netherlands")]
    [InlineData("en", "Turkey", "Embassy of Türkiye")]
    [InlineData("es", "United Kingdom", "Embajada del Reino Unido")]
    [InlineData("es", "Kazakhstan", "Embajada de Kazajistán")]
    [InlineData("zh", "Kazakhstan", "哈萨克斯坦大使馆")]
    [InlineData("ar", "Kazakhstan", "سفارة كازاخستان")]
    public void Other_languages_name_an_embassy_their_own_way(string language, string country, string expected)
    {
        var written = language == "en" ? "fr" : "en";
        Assert.Equal(expected, OrganizationNames.In("Embassy", OrganizationType.Embassy, country, None, language, written).Name);
    }

    [Fact]
    public void A_consulate_general_stays_one_in_every_language()
    {
        Assert.Equal("Consulat général du Japon", Made("Japan", "fr", OrganizationType.Consulate, "Consulate General of Japan"));
        Assert.Equal("日本总领事馆", Made("Japan", "zh", OrganizationType.Consulate, "Consulate General of Japan"));
        Assert.Equal("القنصلية العامة لليابان", Made("Japan", "ar", OrganizationType.Consulate, "Consulate General of Japan"));
    }

    [Fact]
    public void A_recorded_name_wins_the_written_language_keeps_its_own_and_what_cannot_be_made_is_marked()
    {
        var recorded = new Dictionary<string, string> { ["fr"] = "Ambassade royale de Norvège" };
        Assert.Equal(new OrganizationNames.Named("Ambassade royale de Norvège", false), OrganizationNames.In("Royal Norwegian Embassy", OrganizationType.Embassy, "Norway", recorded, "fr", "en"));
        Assert.Equal(new OrganizationNames.Named("Royal Norwegian Embassy", false), OrganizationNames.In("Royal Norwegian Embassy", OrganizationType.Embassy, "Norway", recorded, "en-GB", "en"));
        // Russian declines the country (Посольство Казахстана): recorded, never made.
        Assert.True(OrganizationNames.In("Embassy of Kazakhstan", OrganizationType.Embassy, "Kazakhstan", None, "ru", "en").Uncertain);
        Assert.True(OrganizationNames.In("World Health Organization", OrganizationType.InternationalOrganization, null, None, "fr", "en").Uncertain);
        Assert.True(OrganizationNames.In("Embassy of Atlantis", OrganizationType.Embassy, "Atlantis", None, "fr", "en").Uncertain);
    }

    [Fact]
    public void Names_are_recorded_only_in_shipped_languages_and_within_their_length()
    {
        Assert.Equal(new Dictionary<string, string> { ["fr"] = "Ambassade de Chine" }, OrganizationNames.Checked(new Dictionary<string, string> { ["fr"] = "  Ambassade de Chine ", ["zh"] = " " }, "Names"));
        Assert.Equal("Names[xx]", Assert.Throws<Chancery.Domain.DomainException>(() => OrganizationNames.Checked(new Dictionary<string, string> { ["xx"] = "Name" }, "Names")).Field);
        Assert.Equal("Names[fr]", Assert.Throws<Chancery.Domain.DomainException>(() => OrganizationNames.Checked(new Dictionary<string, string> { ["fr"] = new string('a', 301) }, "Names")).Field);
    }
}
