using System.Linq.Expressions;
using Chancery.Domain.Audit;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Import;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.Seating;
using Chancery.Domain.Users;
using Chancery.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chancery.Data;

/// <summary>
/// The one database context. Provider-specific subclasses exist only so each provider keeps its own
/// migration set (EF Core's "migrations with multiple providers").
/// </summary>
public class ChanceryDb : IdentityDbContext<ChanceryUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    protected ChanceryDb(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// Whose unit of work this is. Contexts are pooled, so the request's (or the job's) scope is handed to a
    /// context each time it is leased (<see cref="DatabaseSetup"/>); a context outside that sees nothing.
    /// </summary>
    public MissionScope Scope { get; private set; } = MissionScope.Nobody;

    /// <summary>Readies a pooled context for one unit of work.</summary>
    internal void Lease(MissionScope scope)
    {
        Scope = scope;
        AuditedInSummary.Clear();
        _afterSave.Clear();
    }

    private readonly List<Action> _afterSave = [];

    /// <summary>Runs <paramref name="action"/> once the next SaveChanges has gone through (<see cref="SaveHooks"/>).</summary>
    public void AfterSave(Action action)
    {
        if (!_afterSave.Contains(action))
        {
            _afterSave.Add(action);
        }
    }

    internal List<Action> TakeAfterSave()
    {
        var actions = _afterSave.ToList();
        _afterSave.Clear();
        return actions;
    }

    /// <summary>
    /// New records a bulk operation audits itself with one summary entry (an import of 10,000 people is one
    /// event, not 10,000); the audit interceptor passes over these.
    /// </summary>
    public HashSet<object> AuditedInSummary { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Read by the global query filter on every mission-scoped entity; EF parameterises it per query.</summary>
    public Guid[] VisibleMissionIds => Scope.VisibleMissionIds;

    public DbSet<Mission> Missions => Set<Mission>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<ProgrammeItem> ProgrammeItems => Set<ProgrammeItem>();
    public DbSet<Guest> Guests => Set<Guest>();
    public DbSet<SeatingTable> SeatingTables => Set<SeatingTable>();
    public DbSet<SeatAssignment> SeatAssignments => Set<SeatAssignment>();
    public DbSet<TokenChain> TokenChains => Set<TokenChain>();
    public DbSet<Domain.Invitations.EventKey> EventKeys => Set<Domain.Invitations.EventKey>();
    public DbSet<Domain.Invitations.InvitationText> InvitationTexts => Set<Domain.Invitations.InvitationText>();
    public DbSet<Domain.Door.Admission> Admissions => Set<Domain.Door.Admission>();
    public DbSet<Domain.Door.ScanRecord> ScanRecords => Set<Domain.Door.ScanRecord>();
    public DbSet<Domain.News.NewsItem> NewsItems => Set<Domain.News.NewsItem>();
    public DbSet<Domain.News.NewsChangeNote> NewsChangeNotes => Set<Domain.News.NewsChangeNote>();
    public DbSet<Domain.News.NewsTemplate> NewsTemplates => Set<Domain.News.NewsTemplate>();
    public DbSet<Domain.News.NewsPhoto> NewsPhotos => Set<Domain.News.NewsPhoto>();
    public DbSet<Domain.News.NewsPhotoText> NewsPhotoTexts => Set<Domain.News.NewsPhotoText>();
    public DbSet<Domain.Press.PressArticle> PressArticles => Set<Domain.Press.PressArticle>();
    public DbSet<Domain.Press.Exhibition> Exhibitions => Set<Domain.Press.Exhibition>();
    public DbSet<Domain.Press.ExhibitionPiece> ExhibitionPieces => Set<Domain.Press.ExhibitionPiece>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChanceryDb).Assembly);

        builder.Entity<Mission>().HasQueryFilter(m => VisibleMissionIds.Contains(m.Id));
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IMissionScoped).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).HasQueryFilter(MissionFilter(type.ClrType));
        }
    }

    // e => this.VisibleMissionIds.Contains(e.MissionId), built once per mission-scoped type.
    private LambdaExpression MissionFilter(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var ids = Expression.Property(Expression.Constant(this), nameof(VisibleMissionIds));
        var contains = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
            ids, Expression.Property(entity, nameof(IMissionScoped.MissionId)));
        return Expression.Lambda(contains, entity);
    }
}

public sealed class SqliteChanceryDb(DbContextOptions<SqliteChanceryDb> options) : ChanceryDb(options)
{
    // The directory walks this index in name order and reads the search text from it, never the table:
    // a search over 20,000 people stops after the first page of matches. (PostgreSQL's B-tree entries are
    // too small for the search text, so only SQLite gets it.)
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Contact>().HasIndex(c => new { c.MissionId, c.ErasedAt, c.SortName, c.Id, c.SearchText }).HasDatabaseName("IX_Contacts_Directory");
    }

    // SQLite cannot compare or sort DateTimeOffset stored as text; every time here is UTC, so ticks sort right.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresChanceryDb(DbContextOptions<PostgresChanceryDb> options) : ChanceryDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Contact>().HasIndex(c => new { c.MissionId, c.ErasedAt, c.SortName }).HasDatabaseName("IX_Contacts_Directory");
    }

    // A DateTime here is a wall-clock time as someone recorded it (credentials presented at 10:30 local), not an instant.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone");
    }
}
