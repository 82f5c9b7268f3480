using System.ComponentModel.DataAnnotations;

namespace Chancery.Domain.Press;

/// <summary>Bound from the <c>Press</c> section, checked when the app starts.</summary>
public sealed class PressOptions
{
    public const string Section = "Press";

    /// <summary>How long reading an article's page may take, connection and all.</summary>
    [Range(1, 60, ErrorMessage = "Press:FetchTimeoutSeconds must be between 1 and 60.")]
    public int FetchTimeoutSeconds { get; set; } = 10;

    /// <summary>Only for tests on one machine: lets the link reader reach loopback and private addresses.</summary>
    public bool AllowPrivateAddresses { get; set; }
}
