"""Reports: the machine formats (``formats.FORMATS``) and, separately, the HTML report (``html``).

    from alignqa.report.formats import write_outputs
    write_outputs(result, ["github", "sarif"], Path("alignqa.sarif"), sys.stdout)

Submodules are imported on use so that writing one format does not load the HTML templating.
"""
