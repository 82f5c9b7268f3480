using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OnePersonOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_MissionId_NormalizedName",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_MissionId_NormalizedEmail",
                table: "Contacts");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Contacts",
                type: "character varying(700)",
                maxLength: 700,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_MissionId_NormalizedName",
                table: "Organizations",
                columns: new[] { "MissionId", "NormalizedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_MissionId_NameKey",
                table: "Contacts",
                columns: new[] { "MissionId", "NameKey" },
                unique: true,
                filter: "\"NormalizedEmail\" IS NULL AND \"ErasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_MissionId_NormalizedEmail",
                table: "Contacts",
                columns: new[] { "MissionId", "NormalizedEmail" },
                unique: true,
                filter: "\"NormalizedEmail\" IS NOT NULL AND \"ErasedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_MissionId_NormalizedName",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_MissionId_NameKey",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_MissionId_NormalizedEmail",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_MissionId_NormalizedName",
                table: "Organizations",
                columns: new[] { "MissionId", "NormalizedName" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_MissionId_NormalizedEmail",
                table: "Contacts",
                columns: new[] { "MissionId", "NormalizedEmail" });
        }
    }
}
