using Chancery.Domain.Guests;

namespace Chancery.Domain.Missions;

/// <summary>An embassy, consulate or ministry department: the unit that owns every other record.</summary>
public sealed class Mission
{
    /// <summary>A unique public address until someone chooses a better one (<see cref="MissionAdministration"/> does at creation).</summary>
    public Mission() => Slug = "mission-" + Id.ToString("N")[^12..];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Its name in other languages, by language tag ("Ambassade de Finlande"); see <see cref="Contacts.OrganizationNames"/>.</summary>
    public Dictionary<string, string> Names { get; set; } = [];
    /// <summary>The country the mission represents, e.g. "Finland".</summary>
    public string? Country { get; set; }
    /// <summary>The city it sits in, e.g. "Beijing".</summary>
    public string? City { get; set; }
    /// <summary>The mission's own address, as invitations and the public pages give it.</summary>
    public string? Address { get; set; }
    /// <summary>The protocol office's address: guests' answers and questions go to it (R.S.V.P. line, Reply-To).</summary>
    public string? ReplyEmail { get; set; }
    /// <summary>BCP 47 tag of the language its invitations go out in unless an event says otherwise; English when empty.</summary>
    public string? Language { get; set; }
    /// <summary>IANA zone used as the default for the mission's events.</summary>
    public string TimeZone { get; set; } = "UTC";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The mission's public pages live under <c>/m/{Slug}</c>: lower-case letters, digits and hyphens, unique.</summary>
    public string Slug { get; set; }
    /// <summary>Optionally a host name of its own (events.embassy.example) that serves the public pages at its root.</summary>
    public string? HostName { get; set; }

    // The host state's practice on precedence (docs/events.md §4); see PrecedenceSettings.
    public FunctionsDatedBy PrecedenceDatedBy { get; set; }
    public bool HolySeeFirst { get; set; }
    public PrecedenceTieBreak PrecedenceTieBreak { get; set; }
    /// <summary>The host country's language, for ordering country names alphabetically (e.g. "de", "sv").</summary>
    public string HostLanguage { get; set; } = "en";

    /// <summary>The dean (doyen) of the diplomatic corps, as the host's foreign ministry names them: a person of the directory.</summary>
    public Guid? DeanContactId { get; set; }

    public PrecedenceSettings Precedence => new(PrecedenceDatedBy, HolySeeFirst, PrecedenceTieBreak, HostLanguage);

    /// <summary>Whether heads of international organizations are styled His or Her Excellency on invitations (host practice varies).</summary>
    public bool ExcellencyForHeadsOfOrganizations { get; set; } = true;

    public Invitations.AddressPractice AddressPractice => new(ExcellencyForHeadsOfOrganizations);
}
