using System.ComponentModel.DataAnnotations;

namespace Chancery.Email;

/// <summary>Bound from the <c>Email</c> section. With no SMTP host, mail goes to .eml files instead.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string From { get; set; } = "chancery@localhost";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Where .eml files go when no SMTP host is set; relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";
    /// <summary>How often the outbox worker looks for mail when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = 8;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65535)]
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
}
