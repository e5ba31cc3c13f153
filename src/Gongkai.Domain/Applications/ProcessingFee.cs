namespace Gongkai.Domain.Applications;

/// <summary>One tier of the fee as applied: how many units at which price.</summary>
public sealed record FeeTier(int From, int To, int Units, int PricePerUnit)
{
    public int Amount => Units * PricePerUnit;
}

/// <summary>A fee in 元 and the tiers it was made of.</summary>
public sealed record Fee(int Amount, IReadOnlyList<FeeTier> Tiers);

/// <summary>
/// 信息处理费 under 国办函〔2020〕109号 (in force 2021-01-01): progressive by excess, one method per
/// application, never both (Art. 3).
/// </summary>
public static class ProcessingFee
{
    /// <summary>
    /// 按件计收 (Art. 4): the fee for the applicant's <paramref name="requestNumber"/>-th request in a
    /// natural month. Requests 1–10 are free, 11–30 cost 100 元 each, and from 31 on each band of 10
    /// costs 100 元 more per request (31–40: 200, 41–50: 300 …).
    /// </summary>
    public static Fee ForRequest(int requestNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestNumber, 1);
        var (from, to, price) = requestNumber switch
        {
            <= 10 => (1, 10, 0),
            <= 30 => (11, 30, 100),
            _ => BandAbove30(requestNumber),
        };
        return new Fee(price, [new FeeTier(from, to, 1, price)]);
    }

    private static (int From, int To, int Price) BandAbove30(int n)
    {
        var band = (n - 31) / 10 + 1;
        var from = 31 + (band - 1) * 10;
        return (from, from + 9, 100 * (band + 1));
    }

    /// <summary>
    /// 按量计收 (Art. 5): the fee for <paramref name="pages"/> pages. Pages 1–30 are free, 31–100 cost
    /// 10 元 a page, 101–200 cost 20 元, and from 201 on 40 元 (2,219 pages: 83,460 元).
    /// </summary>
    public static Fee ForPages(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        (int From, int To, int Price)[] bands = [(1, 30, 0), (31, 100, 10), (101, 200, 20), (201, int.MaxValue, 40)];
        var tiers = new List<FeeTier>();
        foreach (var (from, to, price) in bands)
        {
            if (pages < from)
            {
                break;
            }
            var units = Math.Min(pages, to) - from + 1;
            tiers.Add(new FeeTier(from, Math.Min(pages, to), units, price));
        }
        return new Fee(tiers.Sum(t => t.Amount), tiers);
    }
}
