using Chancery.Data;
using Chancery.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chancery.Areas.Staff.Pages.Mail;

/// <summary>The mission's outbox: what was queued, what went, what failed and why; and each message as sent.</summary>
public sealed class IndexModel(ChanceryDb db) : PageModel
{
    public sealed record Row(Guid Id, DateTimeOffset QueuedAt, string Recipient, string Subject, OutboxStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError, string? AboutType,
        string? MessageId, int UnconfirmedAttempts)
    {
        /// <summary>Whether the recipient may hold two copies (or, still queued, already one).</summary>
        public bool MayBeTwice => UnconfirmedAttempts > 0;
    }

    /// <summary>What a message is about, in words.</summary>
    public static string About(string? type) => type switch
    {
        OutboxAbout.MembershipType => "a colleague",
        OutboxAbout.GuestType => "a guest",
        OutboxAbout.ContactType => "a person",
        _ => "",
    };

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public Row? Selected { get; private set; }
    public string? SelectedText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Messages = await db.OutboxMessages.OrderByDescending(m => m.QueuedAt).Take(200)
            .Select(m => new Row(m.Id, m.QueuedAt, m.Recipient, m.Subject, m.Status, m.Attempts, m.SentAt, m.LastError, m.AboutType, m.MessageId, m.UnconfirmedAttempts))
            .ToListAsync();
        if (id is { } messageId)
        {
            var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == messageId);
            if (row is null)
            {
                return NotFound();
            }
            Selected = new Row(row.Id, row.QueuedAt, row.Recipient, row.Subject, row.Status, row.Attempts, row.SentAt, row.LastError, row.AboutType, row.MessageId, row.UnconfirmedAttempts);
            if (row.Mime is null)
            {
                SelectedText = "(not written yet: the outbox writes this message when it sends it)";
            }
            else
            {
                using var stream = new MemoryStream(row.Mime);
                var message = await MimeMessage.LoadAsync(stream);
                SelectedText = message.TextBody ?? "(this message has no plain-text part)";
            }
        }
        return Page();
    }
}
