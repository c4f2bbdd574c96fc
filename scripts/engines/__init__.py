"""The engines that run the pipeline: the MkDocs hooks, make build, make serve and Zensical."""
