using System.Text;

namespace Chancery.Tests.Press;

/// <summary>Clippings for tests: a plain scan as a JPEG, and PDFs written byte by byte as a scanner writes them, with a true cross-reference table.</summary>
internal static class TestClippings
{
    /// <summary>A blank scan of a page, <paramref name="width"/> by <paramref name="height"/>, as a JPEG.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var scan = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(width, height);
        using var jpeg = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(scan, jpeg);
        return jpeg.ToArray();
    }

    /// <summary>A page that is one scanned picture (a JPEG, DCTDecode) over the whole page, and a line of text on it.</summary>
    public static byte[] Scanned(byte[] jpeg, int width, int height, string text, string imageParameters = "")
    {
        var content = Encoding.ASCII.GetBytes($"q {width} 0 0 {height} 0 0 cm /Im0 Do Q BT /F1 12 Tf 40 40 Td ({text}) Tj ET");
        return Build(
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Resources << /XObject << /Im0 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R >>"),
            Stream($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode {imageParameters}/Length {jpeg.Length} >>", jpeg),
            Stream($"<< /Length {content.Length} >>", content),
            Encoding.ASCII.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    }

    private static byte[] Stream(string dictionary, byte[] data) => [.. Encoding.ASCII.GetBytes(dictionary + "\nstream\n"), .. data, .. Encoding.ASCII.GetBytes("\nendstream")];

    private static byte[] Build(params byte[][] objects)
    {
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
