using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CrmBot.Tests.Teams;

/// <summary>An 8-bit RGBA PNG, read far enough to check an icon's size and colours.</summary>
internal sealed record Png(int Width, int Height, byte[] Rgba)
{
    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels =>
        Enumerable.Range(0, Width * Height).Select(i => (Rgba[i * 4], Rgba[(i * 4) + 1], Rgba[(i * 4) + 2], Rgba[(i * 4) + 3]));

    public static Png Read(Stream stream)
    {
        using var reader = new BinaryReader(stream);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], reader.ReadBytes(8));
        int width = 0, height = 0;
        using var compressed = new MemoryStream();
        while (true)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(reader.ReadBytes(4));
            var type = Encoding.ASCII.GetString(reader.ReadBytes(4));
            var data = reader.ReadBytes(length);
            reader.ReadBytes(4);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4)));
                Assert.Equal((8, 6), (data[8], data[9]));
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new Png(width, height, Unfilter(inflated.ToArray(), width, height));
    }

    private static byte[] Unfilter(byte[] scanlines, int width, int height)
    {
        const int bytesPerPixel = 4;
        var stride = width * bytesPerPixel;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = scanlines[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bytesPerPixel ? pixels[(y * stride) + x - bytesPerPixel] : 0;
                int up = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? pixels[((y - 1) * stride) + x - bytesPerPixel] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                };
                pixels[(y * stride) + x] = (byte)(scanlines[(y * (stride + 1)) + 1 + x] + predicted);
            }
        }

        return pixels;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
