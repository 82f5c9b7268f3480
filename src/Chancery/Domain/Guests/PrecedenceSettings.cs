namespace Chancery.Domain.Guests;

/// <summary>How a head of mission's taking up of functions is dated (Vienna Convention Art. 13 and 16.1).</summary>
public enum FunctionsDatedBy
{
    /// <summary>The date and time credentials were presented.</summary>
    CredentialsPresented,
    /// <summary>The date arrival was notified and a true copy of credentials presented to the foreign ministry.</summary>
    ArrivalNotified,
}

/// <summary>How two heads of mission of the same class who took up functions at the same moment are ordered.</summary>
public enum PrecedenceTieBreak
{
    /// <summary>In the order the host state recorded them (the directory's recorded order).</summary>
    RecordedOrder,
    /// <summary>By the country's name in alphabetical order in the host's language.</summary>
    CountryName,
}

/// <summary>
/// The host state's practice decides the details of precedence (Vienna Convention Art. 16.3 and common
/// practice); these are a mission's adjustable defaults.
/// </summary>
public sealed record PrecedenceSettings(
    FunctionsDatedBy DatedBy = FunctionsDatedBy.CredentialsPresented,
    bool HolySeeFirst = false,
    PrecedenceTieBreak TieBreak = PrecedenceTieBreak.RecordedOrder,
    string HostLanguage = "en");
