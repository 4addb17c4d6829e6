"""Moving models from one app to another without losing a row.

The app that gave the models up removes them from its migration state only
(``SeparateDatabaseAndState``); the app that took them over creates them in its state and then
runs ``adopt_tables``: on a database made before the move the old tables are renamed to the new
app's names (their rows, keys and indexes stay) and the content types are relabelled, so pages,
revisions, permissions and translations keep pointing at the same rows; on a new database the
tables are simply created."""

from django.db import migrations


def adopt_tables(app_label, moved_from, model_names):
    def forwards(apps, schema_editor):
        connection = schema_editor.connection
        existing = set(connection.introspection.table_names())
        adopted = []
        for name in model_names:
            model = apps.get_model(app_label, name)
            old_table = f"{moved_from}_{name.lower()}"
            if model._meta.db_table in existing:
                continue
            if old_table in existing:
                schema_editor.alter_db_table(model, old_table, model._meta.db_table)
                _rename_indexes(schema_editor, model)
                adopted.append(name.lower())
            else:
                schema_editor.create_model(model)
        _relabel_content_types(apps, schema_editor, moved_from, app_label, adopted)

    def backwards(apps, schema_editor):
        for name in reversed(model_names):
            schema_editor.delete_model(apps.get_model(app_label, name))

    return migrations.RunPython(forwards, backwards)


def _rename_indexes(schema_editor, model):
    """Indexes named after the old table get the names the new app's state expects."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    for index in model._meta.indexes:
        if index.name in constraints:
            continue
        columns = [model._meta.get_field(field).column for field in index.fields]
        for name, info in constraints.items():
            if info.get("index") and not info.get("unique") and info["columns"] == columns:
                old = type(index)(fields=index.fields, name=name)
                schema_editor.rename_index(model, old, index)
                break


def _relabel_content_types(apps, schema_editor, old_label, new_label, models):
    ContentType = apps.get_model("contenttypes", "ContentType")
    manager = ContentType.objects.db_manager(schema_editor.connection.alias)
    for model in models:
        if manager.filter(app_label=new_label, model=model).exists():
            continue
        manager.filter(app_label=old_label, model=model).update(app_label=new_label)
