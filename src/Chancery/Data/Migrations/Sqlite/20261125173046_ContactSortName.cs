using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactSortName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_MissionId_LastName",
                table: "Contacts");

            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "Contacts",
                type: "TEXT",
                maxLength: 700,
                nullable: false,
                defaultValue: "");

            // Rows imported before this column existed get an approximate key (lower case, accents kept) until next saved.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"SortName\" = lower(coalesce(\"LatinName\", \"LastName\") || ' ' || coalesce(\"FirstName\", ''))");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Directory",
                table: "Contacts",
                columns: new[] { "MissionId", "ErasedAt", "SortName", "Id", "SearchText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Directory",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_MissionId_LastName",
                table: "Contacts",
                columns: new[] { "MissionId", "LastName" });
        }
    }
}
