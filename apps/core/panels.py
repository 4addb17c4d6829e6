"""An editor tab that higher apps can add panels to after the models are defined.

Edit handlers are bound to their model lazily, on the first edit, so a tab that reads extra
panels from a registry then sees everything the installed apps registered in ready(), and the
lower app never imports the higher one."""

from wagtail.admin.panels import ObjectList


class ExtensibleObjectList(ObjectList):
    def __init__(self, children=(), *args, registry=(), **kwargs):
        self.registry = registry
        super().__init__(children, *args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "registry": self.registry}

    def on_model_bound(self):
        self.children = [*self.registry, *self.children]
        super().on_model_bound()
