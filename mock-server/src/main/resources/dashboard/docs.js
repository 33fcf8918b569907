// Swagger UI on this mock's OpenAPI document; "try it out" calls this mock (the document's first
// server is "/"). The admin token the dashboard keeps for this tab is offered as the bearer token.
const ui = window.SwaggerUIBundle({
  url: '/__admin/openapi.yaml',
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: false,
  validatorUrl: null,
  onComplete: () => {
    const token = sessionStorage.getItem('contract-kit.adminToken');
    if (token) {
      ui.preauthorizeApiKey('adminToken', token);
    }
  },
});
