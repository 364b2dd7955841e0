from langchain_community.vectorstores import FAISS
from langchain_openai import OpenAIEmbeddings


def get_retriever():
    store = FAISS.load_local("indexes/handbook", OpenAIEmbeddings(), allow_dangerous_deserialization=True)
    return store.as_retriever(search_kwargs={"k": 4})
