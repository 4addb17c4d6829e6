import factory

from apps.harvest.models import HarvestSource


class HarvestSourceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Grannbygd {n}")
    base_url = factory.Sequence(lambda n: f"https://grannbygd{n}.example.org/")
    kinds = "organisations,projects,events"

    class Meta:
        model = HarvestSource
