using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProactiveDeliveryKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A delivery was named by one text key until now; the few rows written under it cannot be told apart
            // under the new key. Dropping them means a reminder delivered but still open may be sent once more.
            migrationBuilder.Sql("DELETE FROM ProactiveDeliveries;");

            migrationBuilder.DropIndex(
                name: "IX_ProactiveDeliveries_Key",
                table: "ProactiveDeliveries");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "ProactiveDeliveries");

            migrationBuilder.AddColumn<long>(
                name: "Occurrence",
                table: "ProactiveDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectId",
                table: "ProactiveDeliveries",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "ProactiveDeliveries",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveDeliveries_SubjectId_Topic_Occurrence",
                table: "ProactiveDeliveries",
                columns: new[] { "SubjectId", "Topic", "Occurrence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM ProactiveDeliveries;");

            migrationBuilder.DropIndex(
                name: "IX_ProactiveDeliveries_SubjectId_Topic_Occurrence",
                table: "ProactiveDeliveries");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "ProactiveDeliveries");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "ProactiveDeliveries");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "ProactiveDeliveries");

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "ProactiveDeliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ProactiveDeliveries_Key",
                table: "ProactiveDeliveries",
                column: "Key",
                unique: true);
        }
    }
}
