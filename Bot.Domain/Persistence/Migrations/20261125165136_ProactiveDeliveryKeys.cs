using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProactiveDeliveryKeys : Migration
    {
        // A delivery was named by one text key until now; the few rows written under it cannot be told apart under
        // the new key, so the table starts afresh (a reminder delivered but still open may be sent once more). Created
        // anew rather than altered: SQLite would rebuild the table outside the migration's transaction.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "ProactiveDeliveries");

            migrationBuilder.CreateTable(
                name: "ProactiveDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Exact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProactiveDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveDeliveries_Status_NextAttemptAt",
                table: "ProactiveDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveDeliveries_SubjectId_Topic_Occurrence",
                table: "ProactiveDeliveries",
                columns: new[] { "SubjectId", "Topic", "Occurrence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "ProactiveDeliveries");

            migrationBuilder.CreateTable(
                name: "ProactiveDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProactiveDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveDeliveries_Key",
                table: "ProactiveDeliveries",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveDeliveries_Status_NextAttemptAt",
                table: "ProactiveDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
