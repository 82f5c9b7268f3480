using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts;

/// <summary>The organizations people of the directory belong to: saved with their names in several languages, carried into their people's search.</summary>
public sealed class Organizations(ChanceryDb db)
{
    /// <summary>Saves an organization; a new name is carried into its people's search text.</summary>
    public async Task SaveAsync(Organization organization, CancellationToken ct = default)
    {
        organization.NormalizedName = Text.Fold(organization.Name);
        organization.Names = OrganizationNames.Checked(organization.Names, nameof(Organization.Names));
        if (await db.Organizations.AnyAsync(o => o.MissionId == organization.MissionId && o.NormalizedName == organization.NormalizedName && o.Id != organization.Id, ct))
        {
            throw new DomainException($"There is already an organization called {organization.Name}; a person moves to it from their own page.", nameof(Organization.Name));
        }
        var people = await db.Contacts.AsTracking().Where(c => c.OrganizationId == organization.Id).ToListAsync(ct);
        foreach (var person in people)
        {
            person.Organization = organization;
            person.RefreshKeys();
        }
        await db.SaveChangesAsync(ct);
    }
}
