using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Users;

public sealed class IndexModel(ChanceryDb db, MissionScope scope, MissionAdministration admin, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid MembershipId, Guid UserId, string DisplayName, string Email, MissionRole Role, bool Active, bool HasPassword, bool LockedOut);

    public IReadOnlyList<Row> Members { get; private set; } = [];
    public Guid Me => scope.UserId!.Value;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRoleAsync(Guid membershipId, MissionRole role) =>
        await ChangeAsync(() => admin.SetRoleAsync(membershipId, role, Me), "Role changed.");

    public async Task<IActionResult> OnPostDisableAsync(Guid membershipId) =>
        await ChangeAsync(() => admin.SetDisabledAsync(membershipId, disabled: true, Me), "Access disabled; they are signed out.");

    public async Task<IActionResult> OnPostEnableAsync(Guid membershipId) =>
        await ChangeAsync(() => admin.SetDisabledAsync(membershipId, disabled: false, Me), "Access enabled.");

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string notice)
    {
        try
        {
            await change();
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            await LoadAsync();
            return Page();
        }
        TempData["Notice"] = notice;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        Members = await db.Memberships
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new Row(m.Id, m.UserId, m.User!.DisplayName, m.User.Email ?? "", m.Role, m.DisabledAt == null,
                m.User.PasswordHash != null, m.User.LockoutEnd != null && m.User.LockoutEnd > now))
            .ToListAsync();
    }
}
