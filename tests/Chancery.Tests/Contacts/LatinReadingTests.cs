using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Names;

namespace Chancery.Tests.Contacts;

/// <summary>A Latin reading is shown only where it adds one, and a reading the rules cannot be sure of says so (docs/names.md).</summary>
public sealed class LatinReadingTests
{
    [Theory]
    [InlineData("Leyla", "Məmmədova")] // Azerbaijani ə is a Latin letter (IPA block)
    [InlineData("Rəşad", "Əliyev")]
    [InlineData("Łukasz", "Żółć")]
    public void A_name_already_in_Latin_letters_gets_no_Latin_reading(string first, string last)
    {
        var c = new Contact { FirstName = first, LastName = last, Language = "az" };
        Assert.Null(c.LatinLine);
        Assert.Equal(LatinSource.AsWritten, c.Latin.Source);
    }

    [Fact]
    public void An_Arabic_name_of_a_Maghreb_country_is_flagged_to_check_not_guessed_in_the_Mashriq_spelling()
    {
        var tunisian = new Contact { FirstName = "ليلى", LastName = "بن علي", Language = "ar", Organization = new Organization { Name = "Embassy of Tunisia", Country = "Tunisia" } };
        Assert.True(tunisian.Latin.ToCheck);
        Assert.Null(tunisian.LatinLine); // nothing printed silently on a place card
        var moroccan = new Contact { FirstName = "ليلى", LastName = "بن علي", Language = "ar-MA" };
        Assert.True(moroccan.Latin.ToCheck);
        // Recorded by the office, it is the person's own spelling.
        moroccan.LatinName = "Ben Ali, Leïla";
        Assert.Equal("Leïla Ben Ali", moroccan.LatinLine);
    }
}
