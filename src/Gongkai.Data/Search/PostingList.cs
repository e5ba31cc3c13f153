namespace Gongkai.Data.Search;

/// <summary>
/// The ids of one bucket of a search term's list, as stored, in whichever of two forms is
/// smaller: ascending gaps (each id's distance from the one before, from the bucket's first id, in
/// 7-bit groups: one or two bytes an id), or, for a pair most items have (信息 is in nearly every
/// one), a bitmap of the bucket, 512 bytes. A first byte says which.
/// </summary>
public static class PostingList
{
    private const byte Gaps = 0;
    private const byte Bitmap = 1;
    private const int BitmapBytes = (1 << ItemSearch.BucketBits) / 8;

    public static int First(int bucket) => bucket << ItemSearch.BucketBits;

    public static byte[] Encode(IReadOnlyList<int> ascendingIds, int bucket)
    {
        var bytes = new List<byte>(ascendingIds.Count * 2) { Gaps };
        var previous = First(bucket);
        foreach (var id in ascendingIds)
        {
            if (id < previous || id >> ItemSearch.BucketBits != bucket)
            {
                throw new ArgumentException($"id {id} is out of order or outside bucket {bucket}", nameof(ascendingIds));
            }
            var gap = (uint)(id - previous);
            while (gap >= 0x80)
            {
                bytes.Add((byte)((gap & 0x7F) | 0x80));
                gap >>= 7;
            }
            bytes.Add((byte)gap);
            previous = id;
        }
        if (bytes.Count <= BitmapBytes + 1)
        {
            return [.. bytes];
        }
        var bitmap = new byte[BitmapBytes + 1];
        bitmap[0] = Bitmap;
        foreach (var offset in ascendingIds.Select(id => id - First(bucket)))
        {
            bitmap[1 + offset / 8] |= (byte)(1 << (offset % 8));
        }
        return bitmap;
    }

    public static int[] Decode(byte[] data, int bucket)
    {
        if (data.Length == 0)
        {
            return [];
        }
        if (data[0] == Bitmap)
        {
            return Enumerable.Range(0, BitmapBytes * 8).Where(offset => Has(data, offset)).Select(offset => First(bucket) + offset).ToArray();
        }
        var ids = new List<int>(data.Length);
        var previous = First(bucket);
        var gap = 0;
        var shift = 0;
        foreach (var b in data.AsSpan(1))
        {
            gap |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                previous += gap;
                ids.Add(previous);
                (gap, shift) = (0, 0);
            }
            else
            {
                shift += 7;
            }
        }
        return [.. ids];
    }

    /// <summary>The candidates (ascending) that are in the stored list; a bitmap is tested bit by bit, not decoded.</summary>
    public static int[] Keep(int[] ascendingCandidates, byte[] data, int bucket)
    {
        if (data.Length == 0 || data[0] != Bitmap)
        {
            return Intersect(ascendingCandidates, Decode(data, bucket));
        }
        var first = First(bucket);
        return ascendingCandidates.Where(id => Has(data, id - first)).ToArray();
    }

    private static bool Has(byte[] bitmap, int offset) => (bitmap[1 + offset / 8] & (1 << (offset % 8))) != 0;

    /// <summary>The ids in both ascending lists.</summary>
    public static int[] Intersect(int[] a, int[] b)
    {
        var both = new List<int>(Math.Min(a.Length, b.Length));
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j])
            {
                both.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return [.. both];
    }

    /// <summary>The list with <paramref name="id"/> added (<paramref name="add"/>) or taken out; ascending order kept.</summary>
    public static int[] Change(int[] ascendingIds, int id, bool add)
    {
        var at = Array.BinarySearch(ascendingIds, id);
        return (add, at >= 0) switch
        {
            (true, true) or (false, false) => ascendingIds,
            (true, false) => [.. ascendingIds[..~at], id, .. ascendingIds[~at..]],
            (false, true) => [.. ascendingIds[..at], .. ascendingIds[(at + 1)..]],
        };
    }
}
