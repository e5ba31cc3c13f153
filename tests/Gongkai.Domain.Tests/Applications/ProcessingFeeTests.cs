using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

public sealed class ProcessingFeeTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    public void PerRequest_EachBandAbove30CostsAHundredMore(int request, int fee)
    {
        Assert.Equal(fee, ProcessingFee.ForRequest(request).Amount);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    public void PerPage_IsProgressiveByExcess(int pages, int fee)
    {
        Assert.Equal(fee, ProcessingFee.ForPages(pages).Amount);
    }

    [Fact]
    public void TheReported2219PageCase_Costs83460Yuan()
    {
        var fee = ProcessingFee.ForPages(2219);
        Assert.Equal(83460, fee.Amount);
        Assert.Equal([(30, 0), (70, 10), (100, 20), (2019, 40)], fee.Tiers.Select(t => (t.Units, t.PricePerUnit)));
    }
}
