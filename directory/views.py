from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .forms import DirectoryFilterForm
from .models import Profile


class ProfileListView(ListView):
    """Public directory: approved profiles, filtered and paginated."""

    template_name = "directory/profile_list.html"
    context_object_name = "profiles"
    paginate_by = 24

    def get_queryset(self):
        self.form = DirectoryFilterForm(self.request.GET or None)
        queryset = Profile.objects.public().for_listing()
        if not self.form.is_valid():
            return queryset
        data = self.form.cleaned_data
        if data["q"]:
            queryset = queryset.filter(
                Q(name__icontains=data["q"])
                | Q(headline__icontains=data["q"])
                | Q(bio__icontains=data["q"])
                | Q(city__icontains=data["q"])
            )
        if data["sector"]:
            queryset = queryset.filter(sectors=data["sector"])
        if data["discipline"]:
            queryset = queryset.filter(disciplines=data["discipline"])
        if data["province"]:
            queryset = queryset.filter(province=data["province"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["accompanied"]:
            queryset = queryset.filter(is_accompanied=True)
        return queryset.distinct()

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            self.kwargs[self.page_kwarg] = 1
            self.request.GET = self.request.GET.copy()
            self.request.GET[self.page_kwarg] = "1"
            return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["querystring"] = query.urlencode()
        return context


class ProfileDetailView(DetailView):
    """A profile page; only approved profiles are public (owners and staff see theirs)."""

    template_name = "directory/profile_detail.html"
    context_object_name = "profile"

    def get_object(self, queryset=None):
        profile = get_object_or_404(
            Profile.objects.for_listing().select_related("shop"), slug=self.kwargs["slug"]
        )
        user = self.request.user
        is_owner = user.is_authenticated and profile.user_id == user.pk
        if profile.is_public or user.is_staff or is_owner:
            return profile
        raise Http404
