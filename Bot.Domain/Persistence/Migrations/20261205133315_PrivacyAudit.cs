using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PrivacyAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyAudit_CustomerId_At",
                table: "PrivacyAudit",
                columns: new[] { "CustomerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PrivacyAudit");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Customers");
        }
    }
}
