using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.PostgreSql.Migrations
{
    /// <summary>
    /// Customers' addresses become searchable (the column SearchAddress, spaced as SearchName is), and the words of
    /// names, emails and addresses get pg_trgm GIN indexes. The text is indexed with a space in front, as CustomerSearch
    /// matches it (LIKE '% word%', in the very expressions EF Core writes for CustomerSearch's LINQ, or the planner would not
    /// match them): a word's start is then padded, so that even one Chinese character has a trigram.
    /// </summary>
    public partial class ChineseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchAddress",
                table: "Customers",
                type: "character varying(1046)",
                maxLength: 1046,
                nullable: true);

            // What Customer.SearchWords makes of an address: NFKC, lower case, CJK characters spaced apart, anything but
            // letters and digits a space, single spaces.
            migrationBuilder.Sql("""
                UPDATE "Customers" SET "SearchAddress" = btrim(regexp_replace(regexp_replace(
                    lower(normalize(concat_ws(' ', "Address_Street", "Address_City", "Address_Region", "Address_PostalCode"), NFKC)),
                    '([\u3400-\u9fff\uf900-\ufaff])', ' \1 ', 'g'), '[^[:alnum:]]+', ' ', 'g'))
                WHERE "Address_City" IS NOT NULL;
                """);

            // Trusted since PostgreSQL 13: a database owner may create it. Down leaves it, as other objects may use it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Customers_SearchName_Words" ON "Customers" USING gin ((' ' || "SearchName") gin_trgm_ops);""");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Customers_Email_Words" ON "Customers" USING gin (
                    (' ' || replace(replace(replace(replace(replace("Email", '.', ' '), '@', ' '), '_', ' '), '-', ' '), '+', ' ')) gin_trgm_ops);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Customers_SearchAddress_Words" ON "Customers" USING gin ((' ' || "SearchAddress") gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Customers_SearchAddress_Words";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Customers_Email_Words";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Customers_SearchName_Words";""");
            migrationBuilder.DropColumn(
                name: "SearchAddress",
                table: "Customers");
        }
    }
}
