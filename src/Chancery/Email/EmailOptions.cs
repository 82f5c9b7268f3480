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
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Email:PollInterval must be between 10 ms and 1 hour.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    [Range(1, 100, ErrorMessage = "Email:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The longest one message may take to send; a send still running then is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Email:SendTimeout must be between 1 second and 1 hour.")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How many messages one worker claims at a time (they share one SMTP connection).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
    /// <summary>False stops this server's worker (another server sends, or a test drives it).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>
    /// How long a claimed message is reserved for its worker: longer than <see cref="SendTimeout"/> plus the margin,
    /// so another server never takes a message whose send is still under way. A message reached late in a slow
    /// batch, when less than that is left, has its own lease renewed before its send.
    /// </summary>
    public TimeSpan Lease => SendTimeout * 2 + LeaseMargin;

    /// <summary>
    /// What a claim holds beyond two send timeouts: time to render the message and record the outcome. It is also how
    /// long the messages a server had claimed wait for another after that server dies mid-batch.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Email:LeaseMargin must be between 1 second and 1 hour.")]
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(30);
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
