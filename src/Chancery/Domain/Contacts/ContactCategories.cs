using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Contacts;

/// <summary>A mission's own categories of contacts, in its order (the order guests outside the corps are placed in): list, add, rename, move.</summary>
public sealed class ContactCategories(ChanceryDb db)
{
    /// <summary>The mission's categories, creating the default list the first time.</summary>
    public async Task<List<Category>> ListAsync(Guid missionId, CancellationToken ct = default)
    {
        // Tracked: the import and bulk changes add to this list and save it. The defaults come with the mission.
        return await db.Categories.AsTracking().Where(c => c.MissionId == missionId).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
    }

    /// <summary>
    /// Moves a category one place earlier (<paramref name="earlier"/>) or later in the mission's order of categories,
    /// the order in which guests outside the diplomatic corps are placed (docs/events.md §4, item 7). False when
    /// there is no such category or it is at that end already.
    /// </summary>
    public async Task<bool> MoveAsync(Guid missionId, Guid categoryId, bool earlier, CancellationToken ct = default)
    {
        var categories = await ListAsync(missionId, ct);
        var i = categories.FindIndex(c => c.Id == categoryId);
        var j = earlier ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= categories.Count)
        {
            return false;
        }
        (categories[i], categories[j]) = (categories[j], categories[i]);
        for (var k = 0; k < categories.Count; k++)
        {
            categories[k].SortOrder = k;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Renames or adds one of the mission's categories; the name must stay unique in the mission.</summary>
    public Task SaveAsync(Guid missionId, Guid? id, string name, CancellationToken ct = default) =>
        db.RetryOnConflictAsync(async () =>
        {
            await SaveOnceAsync(missionId, id, name.Trim(), ct);
            return true;
        }, ct);

    private async Task SaveOnceAsync(Guid missionId, Guid? id, string name, CancellationToken ct)
    {
        if (name.Length == 0)
        {
            throw new DomainException("A category needs a name.", "name");
        }
        var categories = await ListAsync(missionId, ct);
        if (categories.Any(c => c.Id != id && Text.Fold(c.Name) == Text.Fold(name)))
        {
            throw new DomainException($"There is already a category called {name}.", "name");
        }
        if (id is null)
        {
            db.Categories.Add(new Category { MissionId = missionId, Name = name, SortOrder = categories.Count });
        }
        else if (categories.FirstOrDefault(c => c.Id == id) is { } category)
        {
            category.Name = name;
        }
        else
        {
            throw DomainException.NotFound("category");
        }
        await db.SaveChangesAsync(ct);
    }
}
