using Chancery.Data;
using Chancery.Domain.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Organizations;

public sealed class IndexModel(ChanceryDb db) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganizationType Type, string? Country, int People);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationType? Type { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var q = db.Organizations.AsQueryable();
        if (Text.Fold(Q) is { Length: > 0 } text)
        {
            q = q.Where(o => o.NormalizedName.Contains(text));
        }
        if (Type is { } type)
        {
            q = q.Where(o => o.Type == type);
        }
        Rows = await q.OrderBy(o => o.Name).Take(1000)
            .Select(o => new Row(o.Id, o.Name, o.Type, o.Country, db.Contacts.Count(c => c.OrganizationId == o.Id && c.ErasedAt == null)))
            .ToListAsync();
    }
}
