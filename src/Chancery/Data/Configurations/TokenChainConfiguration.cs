using Chancery.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class TokenChainConfiguration : IEntityTypeConfiguration<TokenChain>
{
    public void Configure(EntityTypeBuilder<TokenChain> e)
    {
        e.HasIndex(c => new { c.UserId, c.ExpiresAt });
        e.HasOne<ChanceryUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
