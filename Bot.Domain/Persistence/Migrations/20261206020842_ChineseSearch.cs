using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <summary>
    /// Customers' addresses become searchable: the column SearchAddress (street, city, region and postal code, spaced as
    /// SearchName is) and an FTS5 index of its own, CustomerAddressIndex, beside CustomerSearchIndex (names and emails).
    /// Apart, because FTS5 reads a word's every occurrence in all of a table's columns: in one table, looking for 上海市
    /// among names would read the 市 of every Chinese address.
    /// </summary>
    public partial class ChineseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchAddress",
                table: "Customers",
                type: "TEXT",
                maxLength: 1046,
                nullable: true);

            // What Customer.SearchWords makes of an address, short of its case folding, NFKC and punctuation, which FTS5's
            // unicode61 tokenizer does itself: CJK characters spaced apart, one character at a time.
            migrationBuilder.Sql("""
                WITH RECURSIVE spaced(Id, rest, done) AS (
                    SELECT Id, trim(coalesce(Address_Street, '') || ' ' || Address_City || ' ' || coalesce(Address_Region, '') || ' ' || coalesce(Address_PostalCode, '')), ''
                    FROM Customers WHERE Address_City IS NOT NULL
                    UNION ALL
                    SELECT Id, substr(rest, 2), done || CASE
                        WHEN unicode(rest) BETWEEN 13312 AND 40959 OR unicode(rest) BETWEEN 63744 AND 64255 THEN ' ' || substr(rest, 1, 1) || ' '
                        ELSE lower(substr(rest, 1, 1)) END
                    FROM spaced WHERE rest <> '')
                UPDATE Customers SET SearchAddress = trim(spaced.done)
                FROM spaced WHERE spaced.Id = Customers.Id AND spaced.rest = '';
                """);

            // External content, as CustomerSearchIndex: the index alone, kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE CustomerAddressIndex USING fts5(
                    SearchAddress,
                    content='Customers', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_AddressIndex_Insert AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerAddressIndex(rowid, SearchAddress) VALUES (new.rowid, new.SearchAddress);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_AddressIndex_Delete AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerAddressIndex(CustomerAddressIndex, rowid, SearchAddress) VALUES ('delete', old.rowid, old.SearchAddress);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_AddressIndex_Update AFTER UPDATE OF SearchAddress ON Customers BEGIN
                    INSERT INTO CustomerAddressIndex(CustomerAddressIndex, rowid, SearchAddress) VALUES ('delete', old.rowid, old.SearchAddress);
                    INSERT INTO CustomerAddressIndex(rowid, SearchAddress) VALUES (new.rowid, new.SearchAddress);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO CustomerAddressIndex(CustomerAddressIndex) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_AddressIndex_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_AddressIndex_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_AddressIndex_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CustomerAddressIndex;");

            // SQLite's own DROP COLUMN, not EF's rebuild of the table, which would drop CustomerSearchIndex's triggers
            // and give the rows new rowids.
            migrationBuilder.Sql("ALTER TABLE Customers DROP COLUMN SearchAddress;");
        }
    }
}
